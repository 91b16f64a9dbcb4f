package muster.io.force;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel on a disk that fills up: it writes the first {@code room} bytes given to it, then
 * fails every write with "No space left on device", as a full disk does; with {@code failForce} its
 * first forced write fails too, as one of data the disk could not keep; with {@code failTruncate}
 * the log cannot be cut back either; with {@code failLock} set, no lock can be taken on it, as on a
 * network share mounted without locks. Everything else is the real file's. It counts the writes and
 * the forced writes made through it.
 */
final class FullDiskChannel extends FileChannel {
    private final FileChannel file;
    private long room;
    private boolean failForce;
    private final boolean failTruncate;
    int writes;
    boolean failLock;
    int forces;

    FullDiskChannel(FileChannel file, long room, boolean failForce, boolean failTruncate) {
        this.file = file;
        this.room = room;
        this.failForce = failForce;
        this.failTruncate = failTruncate;
    }

    /** A channel on {@code path} with room for everything, that fails nothing until told to. */
    static FullDiskChannel roomy(java.nio.file.Path path, java.nio.file.OpenOption... options)
            throws IOException {
        return new FullDiskChannel(FileChannel.open(path, options), Long.MAX_VALUE, false, false);
    }

    private static IOException full() {
        return new IOException("No space left on device");
    }

    /** At most the room left of {@code src}, written by {@code write}; none is a full disk. */
    private interface Write {
        int to(ByteBuffer part) throws IOException;
    }

    private int fill(ByteBuffer src, Write write) throws IOException {
        writes++;
        if (!src.hasRemaining()) {
            return 0;
        }
        if (room == 0) {
            throw full();
        }
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + (int) Math.min(room, part.remaining()));
        int n = write.to(part);
        src.position(src.position() + n);
        room -= n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return fill(src, file::write);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return fill(src, part -> file.write(part, position));
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        forces++;
        if (failForce) {
            failForce = false;
            throw new IOException("Input/output error");
        }
        file.force(metaData);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (failTruncate) {
            throw new IOException("Input/output error");
        }
        file.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
            throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
            throws IOException {
        throw new UnsupportedOperationException("not used by the order log");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException("not used by the order log");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        if (failLock) {
            throw new IOException("No locks available");
        }
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
