package org.filmpalette.ingest;

import java.io.IOException;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over a file's bytes already in memory, which stops any reader
 * once the file's {@link DecodeDeadline} has passed: every read polls it. Spares ImageIO's memory cache a second
 * copy of the file.
 */
final class FileBytesImageInputStream extends ImageInputStreamImpl {

    private final byte[] bytes;
    private final DecodeDeadline deadline;

    FileBytesImageInputStream(byte[] bytes, DecodeDeadline deadline) {
        this.bytes = bytes;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        deadline.check();
        bitOffset = 0;
        if (streamPos >= bytes.length) {
            return -1;
        }
        return bytes[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        deadline.check();
        if (offset < 0 || length < 0 || offset + length > buffer.length || offset + length < 0) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", buffer " + buffer.length);
        }
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int count = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, buffer, offset, count);
        streamPos += count;
        return count;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }
}
