package dev.devq.kb;

/**
 * A line of OS releases as the profiles key it ({@code last_os: {ios: 18, ipados: 26}}), with the
 * platform it counts as ({@link OsVersion#platform()}: iPadOS shares iOS's numbers), the devices
 * that run it and its name.
 */
public enum OsLine {
  IOS("ios", "ios", "iPhone", "iOS"),
  IPADOS("ipados", "ios", "iPad", "iPadOS"),
  MACOS("macos", "macos", "Mac", "macOS");

  private final String key;
  private final String platform;
  private final String devices;
  private final String title;

  OsLine(String key, String platform, String devices, String title) {
    this.key = key;
    this.platform = platform;
    this.devices = devices;
    this.title = title;
  }

  /** The line a device of this shape runs: iOS on a phone, iPadOS on a tablet, macOS on a Mac. */
  public static OsLine of(FormFactor device) {
    return switch (device) {
      case PHONE -> IOS;
      case TABLET -> IPADOS;
      case FANLESS_LAPTOP, LAPTOP, DESKTOP -> MACOS;
    };
  }

  /** The line of a profile key, or null for a key that names none (a chip's empty line). */
  public static OsLine parse(String key) {
    for (OsLine l : values()) {
      if (l.key.equals(key)) {
        return l;
      }
    }
    return null;
  }

  /** As {@code last_os} keys it: {@code ios}, {@code ipados}, {@code macos}. */
  public String key() {
    return key;
  }

  /** The platform its releases count as: {@code ios} or {@code macos}. */
  public String platform() {
    return platform;
  }

  /** Its devices, in the singular: iPhone, iPad, Mac. */
  public String devices() {
    return devices;
  }

  /** Its name: iOS, iPadOS, macOS. */
  public String title() {
    return title;
  }

  /**
   * A release of this line by name: {@code iPadOS 17}, {@code macOS 14}. iPads ran iOS until iPadOS
   * split off at 13, so an iPad's 12 is {@code iOS 12}.
   */
  public String release(int major) {
    return (this == IPADOS && major < FIRST_IPADOS ? IOS.title : title) + " " + major;
  }

  /** The first release named iPadOS. */
  private static final int FIRST_IPADOS = 13;
}
