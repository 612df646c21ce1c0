package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps user-supplied paths inside one base directory (the landing or export zone).
 *
 * <p>A path is refused when it is empty, absolute, contains a control character (NUL included) or a backslash, has a
 * {@code ..} element, or passes through a symbolic link whose real target lies outside the base directory (links
 * that stay inside are fine). Checks are made when the path is resolved; a link swapped in afterwards is not seen, so
 * the base directory must not be writable by whoever supplies the paths.
 */
public final class ConfinedPaths {

    private static final int MAX_NAME_BYTES = 255;

    private final Path base;

    /** @param baseDirectory an existing directory; its real path (links resolved) becomes the base */
    public ConfinedPaths(Path baseDirectory) throws IOException {
        this.base = baseDirectory.toRealPath();
        if (!Files.isDirectory(base)) {
            throw new IOException("not a directory: " + baseDirectory);
        }
    }

    /** The base directory, links resolved. */
    public Path base() {
        return base;
    }

    /**
     * The file {@code userPath} names inside the base directory; it need not exist yet.
     *
     * @throws PathRejectedException with the reason when the path is not allowed
     */
    public Path resolve(String userPath) {
        Path relative = parse(userPath);
        Path current = base;
        for (Path element : relative) {
            current = current.resolve(element);
            if (Files.isSymbolicLink(current)) {
                checkLink(current);
            } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
        }
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base)) {
            throw new PathRejectedException("'" + userPath + "' leads outside the base directory");
        }
        return target;
    }

    private static Path parse(String userPath) {
        if (userPath == null || userPath.isBlank()) {
            throw new PathRejectedException("no path given");
        }
        String control = firstControl(userPath);
        if (control != null) {
            throw new PathRejectedException("the path contains the control character " + control);
        }
        if (userPath.indexOf('\\') >= 0) {
            throw new PathRejectedException("the path contains a backslash; separate directories with /");
        }
        Path path;
        try {
            path = Path.of(userPath);
        } catch (InvalidPathException e) {
            throw new PathRejectedException("not a valid path: " + e.getReason());
        }
        if (path.isAbsolute() || userPath.startsWith("/")) {
            throw new PathRejectedException("absolute paths are not allowed; give a path relative to the base "
                    + "directory");
        }
        for (Path element : path) {
            if (element.toString().equals("..")) {
                throw new PathRejectedException("'..' is not allowed in a path");
            }
        }
        return path;
    }

    private void checkLink(Path link) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            throw new PathRejectedException("the symbolic link '" + base.relativize(link) + "' points to nothing");
        }
        if (!real.startsWith(base)) {
            throw new PathRejectedException("the symbolic link '" + base.relativize(link)
                    + "' leads outside the base directory");
        }
    }

    /**
     * What is wrong with {@code name} as the name of a file to create, or empty when it is fine: no separators, no
     * leading dot (hidden files, {@code .} and {@code ..}), no leading dash, no control characters, no surrounding
     * spaces, at most 255 bytes in UTF-8.
     */
    public static Optional<String> fileNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the file name is empty");
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("the file name contains a path separator");
        } else if (name.startsWith(".")) {
            return Optional.of("the file name starts with a dot");
        } else if (name.startsWith("-")) {
            return Optional.of("the file name starts with a dash");
        } else if (firstControl(name) != null) {
            return Optional.of("the file name contains the control character " + firstControl(name));
        } else if (!name.equals(name.strip())) {
            return Optional.of("the file name starts or ends with white space");
        } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of("the file name is longer than " + MAX_NAME_BYTES + " bytes");
        }
        return Optional.empty();
    }

    private static String firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "U+%04X".formatted((int) c);
            }
        }
        return null;
    }
}
