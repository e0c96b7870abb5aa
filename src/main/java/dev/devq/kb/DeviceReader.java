package dev.devq.kb;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the entries of {@code devices/*.yaml}. */
final class DeviceReader {
  private DeviceReader() {}

  static Device read(Fields f, List<Fact> facts) {
    String id = f.id("id");
    String name = f.id("name");
    List<String> aliases = f.texts("aliases");
    Sourced<String> soc = f.sourcedText("soc", true);
    Sourced<Integer> year = f.integer("year", 2000, 2100, true);
    String form = f.word("form_factor", FormFactor.keys(), "");
    f.fact("form_factor", form);
    Sourced<Quantity> ram = f.quantity("ram", Dimensions.BYTES, true);
    Sourced<Quantity> limit = f.quantity("app_memory_limit", Dimensions.BYTES, true);
    Sourced<Quantity> entitled = f.quantity("app_memory_limit_entitled", Dimensions.BYTES, false);
    Sourced<Quantity> workingSet = f.quantity("gpu_working_set", Dimensions.BYTES, false);
    Sourced<Quantity> ramMax = f.quantity("ram_max", Dimensions.BYTES, false);
    Sourced<Quantity> workingSetMax = f.quantity("gpu_working_set_max", Dimensions.BYTES, false);
    Sourced<Quantity> limitMax = f.quantity("app_memory_limit_max", Dimensions.BYTES, false);
    Sourced<Quantity> entitledMax =
        f.quantity("app_memory_limit_entitled_max", Dimensions.BYTES, false);
    Sourced<Quantity> variantRamMax = f.quantity("variant_ram_max", Dimensions.BYTES, false);
    Sourced<Quantity> variantSetMax =
        f.quantity("variant_gpu_working_set_max", Dimensions.BYTES, false);
    Map<String, Quantity> variant = variant(f.object("variant", false));
    Sourced<Quantity> mah = f.quantity("battery_mah", Dimensions.CHARGE, false);
    Sourced<Quantity> wh = f.quantity("battery_wh", Dimensions.ENERGY, false);
    Sourced<String> firstOsText = f.sourcedText("first_os", false);
    Sourced<Quantity> storageRead = f.quantity("storage_read", Dimensions.BANDWIDTH, false);
    Sourced<Quantity> storageMeasured =
        f.quantity("storage_read_configuration", Dimensions.BYTES, false);
    f.finish();
    storageRead(storageRead, storageMeasured, f.problems());
    if (ram.present() && limit.present() && limit.value().value() > ram.value().value()) {
      f.problems()
          .error(
              limit.origin().source(),
              limit.origin().span(),
              "the app memory limit is larger than the device's RAM",
              "");
    }
    largestConfiguration(ram, ramMax, workingSetMax, f.problems());
    Problems p = f.problems();
    within(limitMax, "app_memory_limit_max", ramMax, "ram_max", p);
    within(entitledMax, "app_memory_limit_entitled_max", ramMax, "ram_max", p);
    within(variantSetMax, "variant_gpu_working_set_max", variantRamMax, "variant_ram_max", p);
    within(variantRamMax, "variant_ram_max", ramMax, "ram_max", p);
    if (variantRamMax.present()
        && ramMax.present()
        && !(variantRamMax.value().value() < ramMax.value().value())) {
      p.error(
          variantRamMax.origin().source(),
          variantRamMax.origin().span(),
          "'variant_ram_max' is not below 'ram_max'",
          "leave it out where the part the device ships is sold with 'ram_max' too");
    }
    if (variantRamMax.present()
        && ram.present()
        && variantRamMax.value().value() < ram.value().value()) {
      p.error(
          variantRamMax.origin().source(),
          variantRamMax.origin().span(),
          "'variant_ram_max' is smaller than the device's RAM",
          "the profile's 'ram' is a configuration of the part it ships");
    }
    FormFactor formFactor = form.isEmpty() ? FormFactor.PHONE : FormFactor.parse(form);
    Sourced<Integer> firstOs = firstOs(firstOsText, formFactor, f.problems());
    return new Device(
        id,
        name,
        aliases,
        soc.value(),
        year,
        formFactor,
        ram,
        limit,
        entitled,
        workingSet,
        ramMax,
        workingSetMax,
        limitMax,
        entitledMax,
        variantRamMax,
        variantSetMax,
        mah,
        wh,
        new ArrayList<>(facts),
        f.origin(),
        variant,
        firstOs,
        storageRead,
        storageMeasured);
  }

  /**
   * {@code storage_read} is a figure of one configuration: {@code storage_read_configuration} names
   * the capacity of the unit measured, and is nothing without it. (A read of 0, which a load would
   * divide by, is refused with every rate by {@link ValueSanity}.)
   */
  private static void storageRead(
      Sourced<Quantity> read, Sourced<Quantity> configuration, Problems problems) {
    if (read.present() && !configuration.present()) {
      problems.error(
          read.origin().source(),
          read.origin().span(),
          "'storage_read' needs a 'storage_read_configuration'",
          "the storage capacity of the unit measured, e.g. 'storage_read_configuration: 256 GB':"
              + " a base model with one NAND package reads slower than a larger one");
    }
    if (configuration.present() && !read.present()) {
      problems.error(
          configuration.origin().source(),
          configuration.origin().span(),
          "'storage_read_configuration' without a 'storage_read'",
          "it names the unit a 'storage_read' was measured on");
    }
  }

  /**
   * {@code ram_max} is the largest configuration: never below the base one's {@code ram}; its GPU
   * working set needs it and fits in it.
   */
  private static void largestConfiguration(
      Sourced<Quantity> ram,
      Sourced<Quantity> ramMax,
      Sourced<Quantity> workingSetMax,
      Problems problems) {
    if (ramMax.present() && ram.present() && ramMax.value().value() < ram.value().value()) {
      problems.error(
          ramMax.origin().source(),
          ramMax.origin().span(),
          "'ram_max' is smaller than the device's RAM",
          "'ram_max' is the largest memory the model was sold with; the profile's 'ram' is its"
              + " base configuration");
    }
    within(workingSetMax, "gpu_working_set_max", ramMax, "ram_max", problems);
  }

  /**
   * A figure of a larger configuration ({@code field}) needs the memory of that configuration
   * ({@code bound}) and fits in it.
   */
  private static void within(
      Sourced<Quantity> field,
      String key,
      Sourced<Quantity> bound,
      String boundKey,
      Problems problems) {
    if (field.present() && !(bound.present() && field.value().value() <= bound.value().value())) {
      problems.error(
          field.origin().source(),
          field.origin().span(),
          "'" + key + "' needs a '" + boundKey + "' at least as large",
          "it is a figure of the configuration with '" + boundKey + "'");
    }
  }

  /**
   * {@code first_os: iOS 16}: the release of the device's own line it shipped with, kept as its
   * major. A release of another platform (an iPhone that shipped with macOS) is an error at it.
   */
  private static Sourced<Integer> firstOs(
      Sourced<String> text, FormFactor formFactor, Problems problems) {
    if (!text.present()) {
      return Sourced.missing(0, text.provenance(), text.origin());
    }
    OsLine line = OsLine.of(formFactor);
    String wrong;
    try {
      OsVersion release = OsVersion.parse(text.value());
      if (release.platform().equals(line.platform())) {
        return Sourced.of(release.major(), text.provenance(), text.origin());
      }
      wrong = line.devices() + "s run " + line.title() + ", not " + release.platformName();
    } catch (IllegalArgumentException e) {
      wrong = e.getMessage();
    }
    problems.error(
        text.origin().source(), text.origin().span(), "'first_os': " + wrong, "e.g. 'iOS 17'");
    return Sourced.missing(0, text.provenance(), text.origin());
  }

  /**
   * {@code variant: {gpu_cores: 30}}: the parameters of the binned part the device ships ({@code
   * p_core_clock: 2.93 GHz} where the device runs the part's cores slower).
   */
  private static Map<String, Quantity> variant(Fields v) {
    if (v == null) {
      return Map.of();
    }
    Map<String, Quantity> out = SocParameter.read(v);
    v.finish();
    return out;
  }
}
