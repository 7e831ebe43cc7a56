package org.parcelnet.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The secret key of a {@link Pseudonymizer}: at least {@value #MIN_BYTES} bytes.
 *
 * <p>Sources: a key file ({@link #fromFile}) holding raw bytes (e.g. {@code head -c 32 /dev/urandom})
 * or text, or the {@value #ENV_VAR} environment variable ({@link #fromText}). Text keys (a file that
 * is valid UTF-8 without NUL bytes, or the variable) lose trailing line breaks, so a key file written
 * by an editor and the same text in the variable give the same pseudonyms. There is no default key:
 * {@link #resolve} refuses to run without one.
 *
 * <p>The bytes are held privately and never leave this package; {@link #toString()} reveals nothing
 * (not even the length); messages never quote the key. {@link #destroy()} overwrites the bytes.
 */
public final class PseudonymKey {

    /** Shortest accepted key in bytes (128 bits). */
    public static final int MIN_BYTES = 16;

    /** Environment variable read when no key file is given. */
    public static final String ENV_VAR = "PARCELNET_KEY";

    private final byte[] bytes;
    private boolean destroyed;

    private PseudonymKey(byte[] bytes, String source) {
        if (bytes.length < MIN_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(source + ": key too short: need at least " + MIN_BYTES
                    + " bytes (e.g. head -c 32 /dev/urandom > key)");
        }
        this.bytes = bytes;
    }

    /** A key from raw bytes (copied). */
    public static PseudonymKey ofBytes(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        return new PseudonymKey(raw.clone(), "key");
    }

    /** A key from text: its UTF-8 bytes after trailing line breaks are removed. */
    public static PseudonymKey fromText(String text, String source) {
        Objects.requireNonNull(text, "text");
        return new PseudonymKey(stripTrailingNewlines(text.getBytes(StandardCharsets.UTF_8)), source);
    }

    /**
     * A key from a file: raw bytes, or text (valid UTF-8, no NUL) without its trailing line breaks.
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_BYTES} bytes
     * @throws IOException              when the file cannot be read
     */
    public static PseudonymKey fromFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder, not a key file");
        }
        byte[] raw = Files.readAllBytes(file);
        byte[] key = isText(raw) ? stripTrailingNewlines(raw) : raw;
        if (key != raw) {
            Arrays.fill(raw, (byte) 0);
        }
        return new PseudonymKey(key, file.toString());
    }

    /**
     * The key from {@code keyFile} when given, else from the {@value #ENV_VAR} variable.
     *
     * @param keyFile the key file, or null
     * @param env     environment lookup, normally {@code System::getenv}
     * @throws IllegalArgumentException when neither is given, or the key is too short
     */
    public static PseudonymKey resolve(Path keyFile, Function<String, String> env) throws IOException {
        if (keyFile != null) {
            return fromFile(keyFile);
        }
        String text = env.apply(ENV_VAR);
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("no pseudonym key: give --key-file FILE or set " + ENV_VAR
                    + " (at least " + MIN_BYTES + " bytes); refusing to run without one");
        }
        return fromText(text, ENV_VAR);
    }

    /** A copy of the key bytes, for the HMAC only. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        return bytes.clone();
    }

    /** Overwrites the key bytes with zeros; the key is unusable afterwards. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    /** Reveals nothing about the key. */
    @Override
    public String toString() {
        return "PseudonymKey[secret]";
    }

    private static boolean isText(byte[] raw) {
        for (byte b : raw) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] stripTrailingNewlines(byte[] b) {
        int n = b.length;
        while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == '\r')) {
            n--;
        }
        if (n == b.length) {
            return b;
        }
        byte[] out = Arrays.copyOf(b, n);
        Arrays.fill(b, (byte) 0);
        return out;
    }
}
