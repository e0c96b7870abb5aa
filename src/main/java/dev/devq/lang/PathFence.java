package dev.devq.lang;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder that the paths a file names must stay below: the query files a review document embeds
 * and the profile folders of its front matter (below the document's folder or {@code --root}), the
 * external data of an ONNX model (below the model's folder). devq reads such files on CI for
 * documents and models it did not write, so neither {@code ..}, an absolute path nor a symbolic
 * link may lead out.
 *
 * <pre>{@code
 * var fence = new PathFence(Path.of("docs"));
 * Path file = fence.resolve(Path.of("docs/reviews"), "../queries/camera.devq"); // docs/queries/…
 * Path real = fence.real(file); // refused when a link on the way leads out of docs/
 * }</pre>
 */
public record PathFence(Path root) {
  /** Why a path was refused: it lies outside the fence as written, or a link leads it out. */
  public static final class Outside extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean throughLink;

    Outside(boolean throughLink) {
      super(
          throughLink ? "leads outside through a symbolic link" : "is outside", null, false, false);
      this.throughLink = throughLink;
    }

    /** Whether the path as written lies inside and a symbolic link on its way leads out. */
    public boolean throughLink() {
      return throughLink;
    }
  }

  /** The fence, made absolute and normalized so that {@code ..} in it cannot confuse a check. */
  public PathFence {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * {@code arg} resolved against the folder {@code base} and normalized, refused when it lies
   * outside the fence as written ({@code ..} past it, an absolute path elsewhere).
   *
   * @throws java.nio.file.InvalidPathException when {@code arg} is no path at all
   */
  public Path resolve(Path base, String arg) throws Outside {
    Path file = base.toAbsolutePath().normalize().resolve(arg).normalize();
    if (!file.startsWith(root)) {
      throw new Outside(false);
    }
    return file;
  }

  /**
   * The real path of an existing {@code file}, every symbolic link on its way followed, refused
   * when it leads out of the fence (whose own links are followed too).
   */
  public Path real(Path file) throws IOException, Outside {
    Path real = file.toRealPath();
    if (!real.startsWith(root.toRealPath())) {
      throw new Outside(true);
    }
    return real;
  }
}
