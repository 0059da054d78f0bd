package org.newsdesk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the files the CLI produces (models, reports) all or nothing: to a temporary file in the
 * same directory, moved over the target when complete. A failure leaves the old file as it was and
 * no temporary file behind, and names the target ({@code model.bin: File too large}).
 *
 * <p>Stand-in with the signature of core's {@code AtomicFiles.write(Path, Content)}; when that is
 * on main, the body becomes a call to it.
 */
final class SaveFile {
  private SaveFile() {}

  /** Produces the content of a file. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static void write(Path target, Content content) throws IOException {
    Path file = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new FileSystemException(target.toString(), null, "is a directory");
    }
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(target.toString(), null, "directory does not exist: " + dir);
    }
    Path temp =
        dir.resolve(
            "."
                + file.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
                + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out =
            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
              @Override
              public void close() throws IOException {
                flush(); // the channel is closed below, once forced to the device
              }
            };
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io
          && !(io instanceof FileSystemException f && target.toString().equals(f.getFile()))) {
        String reason =
            io instanceof FileSystemException f && f.getReason() != null
                ? f.getReason()
                : String.valueOf(io.getMessage());
        FileSystemException named = new FileSystemException(target.toString(), null, reason);
        named.initCause(io);
        throw named;
      }
      throw e;
    }
  }
}
