package dev.devq.cost;

import dev.devq.kb.Device;
import dev.devq.kb.Soc;

/**
 * Where a model runs: a SoC in a device. A SoC named as a target stands for its typical device,
 * whose form factor picks the thermal curve and whose memory limit applies.
 *
 * @param label the name the query used ({@code a16} or {@code iphone_14_pro})
 */
public record Target(String label, Soc soc, Device device) {}
