package org.newsdesk.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Digests that stress the record-boundary rule (docs/FORMAT.md section 6) and the reader's
 * recovery: valid and invalid line soup from a tiny vocabulary, and damaged copies of real
 * digests. Deterministic for a given {@link Random}.
 */
public final class AdversarialDigests {

  private static final String[] VOCABULARY = {
      "T", "T", "t", "T ", " T", "Trade", "Trade deal signed with partners in Asia",
      "Trade deal signed with partners in Asia.", "trade deal  signed with partners in asia",
      "Body", "Body text about customs", "11/07/2023", "11/07/2023 Logistics", "13/45/2023 Bad",
      "Read More", "Read more", "1/7/2023", "\t", "", "", "", ""};
  private static final String[] BREAKS = {"\n", "\n", "\n", "\r\n", "\r"};
  /** Noise inserted into lines: breaks, blanks, malformed UTF-8, a BOM, NUL, metadata look-alikes. */
  private static final byte[][] NOISE = {
      {'\n'}, {'\r'}, {'\r', '\n'}, {' '}, {'\t'}, {(byte) 0xFF}, {(byte) 0xC3},
      {(byte) 0xE2, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0},
      utf8("11/07/2023 Logistics"), utf8("13/45/2023 Bad"), utf8("Read More"), {'/'}, {'1'},
      utf8("\u6d77\u5173 \uD83D\uDE80")};
  private static final int METADATA_NOISE = 10;

  private AdversarialDigests() {}

  /**
   * Returns line soup from a tiny vocabulary mixed with well-formed records: titles that nearly
   * equal their neighbours, bodies equal to their title or looking like titles, metadata-looking
   * lines, {@code Read More} followed directly by the next title, LF, CR LF and CR breaks (one
   * style, or mixed), sometimes no final break.
   *
   * @param r the source of randomness
   * @return UTF-8 bytes
   */
  public static byte[] soup(Random r) {
    StringBuilder sb = new StringBuilder();
    int units = 1 + r.nextInt(14);
    String br = BREAKS[r.nextInt(BREAKS.length)];
    boolean mixed = r.nextInt(4) == 0;
    for (int u = 0; u < units; u++) {
      String b = mixed ? BREAKS[r.nextInt(BREAKS.length)] : br;
      if (r.nextInt(5) < 2) {
        String title = VOCABULARY[r.nextInt(7)];
        String body = switch (r.nextInt(4)) {
          case 0 -> title;
          case 1 -> VOCABULARY[r.nextInt(7)];
          default -> VOCABULARY[9 + r.nextInt(2)];
        };
        sb.append(title).append(b).append(b).append(title).append(b).append(b).append(body)
            .append(b);
        if (r.nextBoolean()) {
          sb.append(VOCABULARY[11 + r.nextInt(3)]).append(b);
        }
        sb.append(r.nextBoolean() ? "Read More" + b : b);
      } else {
        int lines = 1 + r.nextInt(4);
        for (int i = 0; i < lines; i++) {
          sb.append(VOCABULARY[r.nextInt(VOCABULARY.length)]).append(b);
        }
      }
    }
    if (r.nextBoolean() && sb.length() > 0) {
      sb.setLength(sb.length() - 1); // no final break (or half of a CR LF)
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns a damaged copy of a digest: 1 to {@code maxEdits} random line edits (delete,
   * duplicate, swap, insert noise (breaks, malformed UTF-8, a BOM, NUL, metadata look-alikes) at a
   * random place in a line, add a metadata-looking line, overwrite a byte, turn a break into CR LF
   * or CR, add a blank or a long line, join two lines).
   *
   * @param digest the bytes to damage (not changed)
   * @param r the source of randomness
   * @param maxEdits the most edits to make, at least 1
   * @return the damaged bytes
   */
  public static byte[] damage(byte[] digest, Random r, int maxEdits) {
    List<byte[]> lines = lines(digest);
    int edits = 1 + r.nextInt(maxEdits);
    for (int k = 0; k < edits && !lines.isEmpty(); k++) {
      int i = r.nextInt(lines.size());
      byte[] line = lines.get(i);
      switch (r.nextInt(10)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, line.clone());
        case 2 -> {
          int j = r.nextInt(lines.size());
          lines.set(i, lines.get(j));
          lines.set(j, line);
        }
        case 3 -> lines.set(i,
            insert(line, NOISE[r.nextInt(NOISE.length)], r.nextInt(line.length + 1)));
        case 4 -> {
          byte[] copy = line.clone();
          if (copy.length > 0) {
            copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
          }
          lines.set(i, copy);
        }
        case 5 -> lines.set(i, rebreak(line, r.nextBoolean() ? "\r\n" : "\r"));
        case 6 -> lines.add(i, utf8(r.nextBoolean() ? "\n" : " \t\r\n"));
        case 7 -> lines.add(i, utf8("x".repeat(300 + r.nextInt(900)) + "\n"));
        case 8 -> lines.add(i, concat(NOISE[METADATA_NOISE + r.nextInt(3)], utf8("\n")));
        default -> {
          if (i + 1 < lines.size()) {
            lines.set(i, concat(rebreak(line, ""), lines.remove(i + 1)));
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(digest.length + 64);
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** Splits after each LF (a CR LF stays together); the last piece may have no break. */
  private static List<byte[]> lines(byte[] b) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    if (start < b.length) {
      lines.add(java.util.Arrays.copyOfRange(b, start, b.length));
    }
    return lines;
  }

  private static byte[] rebreak(byte[] line, String br) {
    int end = line.length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
      end--;
    }
    return end == line.length ? line : concat(java.util.Arrays.copyOf(line, end), utf8(br));
  }

  private static byte[] insert(byte[] line, byte[] noise, int at) {
    byte[] c = new byte[line.length + noise.length];
    System.arraycopy(line, 0, c, 0, at);
    System.arraycopy(noise, 0, c, at, noise.length);
    System.arraycopy(line, at, c, at + noise.length, line.length - at);
    return c;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
