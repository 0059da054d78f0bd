package org.newsdesk.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files all or nothing: the content goes to a temporary file in the same directory, which
 * is flushed to the device and then moved over the target in one step ({@link
 * StandardCopyOption#ATOMIC_MOVE}; where the file system cannot move atomically, a plain {@link
 * StandardCopyOption#REPLACE_EXISTING} move). Readers of the target see the old file or the new
 * one, never a part. If writing fails for any reason (an I/O error such as a full disk or a file
 * size limit, or an exception from the code that produces the content), the target is left as it
 * was and the temporary file is deleted.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("model.bin"), out -> model.save(out));
 * AtomicFiles.write(report, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
 * }</pre>
 *
 * <p>Details:
 *
 * <ul>
 *   <li>The temporary file is named {@code .<name>.<random>.tmp}, in the directory of the file
 *       written (after symbolic links), {@code <name>} being that file's name cut to 200 UTF-8
 *       bytes: a hidden name that {@link NewsReader#openAll} never selects in a directory. Only a
 *       killed process can leave one behind.
 *   <li>A target that is a symbolic link to an existing file: the file it points to is replaced
 *       and the link kept. A link to a file that does not exist yet is kept too: the file it
 *       points to (at the end of a chain of links) is created, as a shell's {@code >} would
 *       create it, rather than the link being replaced by a regular file; its directory must
 *       exist, and links that lead around in a loop are refused. An existing target's POSIX
 *       permissions are given to the new file; a new file gets the permissions of any newly
 *       created file.
 *   <li>Only regular files are written. A target that is a directory or another file that is not
 *       a regular file (a device such as {@code /dev/null}, a named pipe, a socket; after
 *       following links) is refused: moving a new file over it would replace it with a regular
 *       file, and writing through it could not be all or nothing. Such a target, one whose
 *       directory does not exist, or one that cannot be created fails before any content is
 *       produced, with an exception naming the target.
 *   <li>A program that works for a long time before it saves (training a model) calls {@link
 *       #checkWritable} first, so that an output that cannot be written is said before the work
 *       rather than after it.
 *   <li>Errors while writing the temporary file name the target, e.g. {@code out.txt: No space
 *       left on device}.
 * </ul>
 *
 * <p>{@link NewsWriter#open(Path, NewsFormat)} writes this way too. Thread-safe: concurrent writes
 * to one target each use their own temporary file, and the last to finish wins.
 */
public final class AtomicFiles {

  /** Bytes buffered before they reach the temporary file. */
  private static final int BUFFER = 1 << 16;

  /**
   * The most UTF-8 bytes of the target's name kept in the temporary file's name: with the dot,
   * the random part (up to 16 hex digits) and the suffix, that name stays within the 255 bytes
   * file systems allow, whatever script the name is in.
   */
  static final int MAX_NAME_PART = 200;

  /** Links the operating system follows before it reports a loop (Linux: 40). */
  private static final int MAX_LINK_HOPS = 40;

  private AtomicFiles() {}

  /**
   * Produces the content of a file.
   *
   * <p>The stream is buffered. The code may close it (the file is only replaced after {@link
   * #writeTo} returns), but must not use it after returning.
   */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the whole content.
     *
     * @param out the stream to the temporary file
     * @throws IOException if producing or writing the content fails; the target is then left as
     *     it was
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces (or creates) {@code target} with what {@code content} writes, atomically.
   *
   * @param target the file to write
   * @param content writes the bytes of the file
   * @throws IOException if the file cannot be written; the target is unchanged and no temporary
   *     file remains. Exceptions thrown by {@code content}, checked or not, propagate as they are
   *     after the temporary file has been deleted.
   */
  public static void write(Path target, Content content) throws IOException {
    Objects.requireNonNull(content, "content");
    Pending pending = begin(target);
    try {
      content.writeTo(pending.stream());
      pending.commit();
    } catch (Throwable e) {
      pending.discard(e);
      throw e;
    }
  }

  /**
   * Checks now that {@link #write} could save {@code target}: it is not a directory or another
   * file that is not a regular file, its directory exists, and a temporary file can be created
   * there (one is created, as {@code write} creates it, and deleted). Nothing else is changed. The
   * file system may still change before the write; this only lets a problem be said early.
   *
   * @param target the file that will be written
   * @throws IOException naming the target, as {@link #write} would throw it before producing any
   *     content: {@link NoSuchFileException} if the directory does not exist, {@link
   *     FileSystemException} otherwise (for example {@code model.bin: cannot create a file in
   *     /data (permission denied)}, or {@code /dev/null: not a regular file (...)})
   */
  public static void checkWritable(Path target) throws IOException {
    begin(target).cancel();
  }

  /**
   * Starts an atomic write: creates the temporary file. The caller writes to {@link
   * Pending#stream()} and then calls exactly one of {@link Pending#commit()} and {@link
   * Pending#discard(Throwable)}.
   */
  static Pending begin(Path target) throws IOException {
    Objects.requireNonNull(target, "target");
    Path file = target;
    if (Files.isSymbolicLink(target)) {
      // keep the link, replace (or create) what it points at
      file = Files.exists(target) ? target.toRealPath() : endOfLinks(target);
    }
    if (Files.isDirectory(file)) {
      throw new FileSystemException(target.toString(), null, "is a directory");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new FileSystemException(target.toString(), null,
          "not a regular file (a device, a named pipe or a socket), and saving would replace it"
              + " with one");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw dir != null && Files.exists(dir)
          ? new FileSystemException(target.toString(), null, "not a directory: " + dir)
          : new NoSuchFileException(target.toString(), null, "directory does not exist: " + dir);
    }
    String name = truncateUtf8(file.getFileName().toString(), MAX_NAME_PART);
    while (true) {
      Path temp = dir.resolve("." + name + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
      FileChannel channel;
      try {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        continue; // another writer picked the same name: draw again
      } catch (AccessDeniedException e) {
        throw named(target, "cannot create a file in " + dir + " (permission denied)", e);
      } catch (IOException e) {
        throw named(target, "cannot create a temporary file in " + dir + ": " + reason(e), e);
      }
      Pending pending = new Pending(target, file, temp, channel);
      try {
        if (Files.exists(file)) {
          Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
        }
      } catch (UnsupportedOperationException | IOException e) {
        // Not a POSIX file system, or not ours to change: keep the default permissions.
      }
      return pending;
    }
  }

  /**
   * Follows a chain of symbolic links that ends at a path that does not exist, as the operating
   * system would when creating a file through it.
   */
  private static Path endOfLinks(Path link) throws IOException {
    Path at = link;
    for (int hops = 0; Files.isSymbolicLink(at); hops++) {
      if (hops == MAX_LINK_HOPS) {
        throw new FileSystemException(link.toString(), null,
            "symbolic link loop: the links lead around through " + at);
      }
      at = at.resolveSibling(Files.readSymbolicLink(at));
    }
    return at;
  }

  /**
   * The longest prefix of {@code name} whose UTF-8 encoding has at most {@code maxBytes} bytes,
   * never ending in half a surrogate pair.
   */
  static String truncateUtf8(String name, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < name.length()) {
      int c = name.codePointAt(i);
      int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      i += Character.charCount(c);
    }
    return name.substring(0, i);
  }

  /** An atomic write in progress: a temporary file that is either moved into place or deleted. */
  static final class Pending {
    private final Path target;
    private final Path file;
    private final Path temp;
    private final FileChannel channel;
    private final Output output;
    private boolean done;

    private Pending(Path target, Path file, Path temp, FileChannel channel) {
      this.target = target;
      this.file = file;
      this.temp = temp;
      this.channel = channel;
      this.output = new Output(this);
    }

    /** The buffered stream to the temporary file; closing it does not commit. */
    OutputStream stream() {
      return output;
    }

    /** The target as the caller named it. */
    Path target() {
      return target;
    }

    /**
     * Flushes the content to the device and moves it over the target. On failure the temporary
     * file is deleted and the target left as it was.
     */
    void commit() throws IOException {
      if (done) {
        throw new IllegalStateException("already committed or discarded: " + target);
      }
      try {
        output.flushBuffer();
        channel.force(true);
        channel.close();
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        IOException failure = e instanceof FileSystemException && target.toString().equals(
            ((FileSystemException) e).getFile()) ? e : named(target, reason(e), e);
        discard(failure);
        throw failure;
      }
      done = true;
      syncDirectory(file);
    }

    /** Deletes the temporary file before anything was written; failures to do so are thrown. */
    void cancel() throws IOException {
      done = true;
      channel.close();
      Files.delete(temp);
    }

    /**
     * Deletes the temporary file, leaving the target as it was; does nothing after a commit or a
     * discard. Problems while cleaning up are added to {@code cause} as suppressed exceptions.
     */
    void discard(Throwable cause) {
      if (done) {
        return;
      }
      done = true;
      try {
        channel.close();
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /**
   * The caller's stream: buffered, names the target in its errors, and only closed for the
   * caller (the channel stays open for {@link Pending#commit()}).
   */
  private static final class Output extends OutputStream {
    private final Pending pending;
    private final OutputStream out;
    private boolean closed;

    Output(Pending pending) {
      this.pending = pending;
      this.out = new BufferedOutputStream(Channels.newOutputStream(pending.channel), BUFFER);
    }

    @Override
    public void write(int b) throws IOException {
      ensureOpen();
      try {
        out.write(b);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensureOpen();
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void flush() throws IOException {
      ensureOpen();
      flushBuffer();
    }

    /** Closing only ends the caller's use; the file is replaced by commit(). */
    @Override
    public void close() throws IOException {
      if (!closed) {
        flushBuffer();
        closed = true;
      }
    }

    void flushBuffer() throws IOException {
      if (closed) {
        return;
      }
      try {
        out.flush();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private void ensureOpen() throws IOException {
      if (closed) {
        throw new IOException(pending.target + ": stream closed");
      }
      if (pending.done) {
        throw new IOException(pending.target + ": already written or discarded");
      }
    }

    private IOException failed(IOException e) {
      return e instanceof FileSystemException ? e : named(pending.target, reason(e), e);
    }
  }

  /** An exception whose message starts with the target, e.g. "out.txt: No space left on device". */
  private static FileSystemException named(Path target, String reason, IOException cause) {
    FileSystemException e = new FileSystemException(target.toString(), null, reason);
    e.initCause(cause);
    return e;
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException) {
      String reason = ((FileSystemException) e).getReason();
      return reason != null ? reason : e.getClass().getSimpleName();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Makes the rename itself durable where the platform allows; best effort. */
  private static void syncDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Some platforms cannot open or sync directories; the file itself was synced.
    }
  }
}
