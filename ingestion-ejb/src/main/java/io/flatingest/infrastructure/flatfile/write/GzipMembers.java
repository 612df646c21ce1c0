package io.flatingest.infrastructure.flatfile.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip as a sequence of members (RFC 1952 allows concatenation; {@code GZIPInputStream}, {@code zcat} and
 * ClickHouse read them as one stream). A member starts with the first byte written after {@link #finishMember()},
 * so every checkpoint ends on a complete member and truncating the file there leaves valid gzip.
 */
final class GzipMembers extends OutputStream {

    private final OutputStream sink;
    private final int level;
    private Member member;
    private boolean anyMember;

    GzipMembers(OutputStream sink, int level, boolean fileHasMembers) {
        this.sink = sink;
        this.level = level;
        this.anyMember = fileHasMembers;
    }

    @Override
    public void write(int b) throws IOException {
        member().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        member().write(b, off, len);
    }

    /** Ends the current member, if any, with its trailer. */
    void finishMember() throws IOException {
        if (member != null) {
            Member m = member;
            member = null;
            try {
                m.finish();
            } finally {
                m.end();
            }
        }
    }

    /** Makes sure the file holds at least one member: an empty file is not valid gzip. */
    void ensureMember() throws IOException {
        if (!anyMember) {
            member();
            finishMember();
        }
    }

    /** Releases the compressor without a trailer, leaving the member unfinished as a crash would. */
    void abandon() {
        if (member != null) {
            member.end();
            member = null;
        }
    }

    private Member member() throws IOException {
        if (member == null) {
            member = new Member(sink, level);
            anyMember = true;
        }
        return member;
    }

    /** One gzip member; finishing it leaves the underlying file open. */
    private static final class Member extends GZIPOutputStream {
        Member(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level);
        }

        void end() {
            def.end();
        }
    }
}
