package jgrad.backend;

import java.util.EnumMap;
import java.util.Map;

/**
 * Copies whole storages between the host and a device. Core knows no device but the CPU; a device
 * module (cuda-kernels) registers its transfer when its backend starts, so that
 * {@code Tensor.to(Device)} can move tensors there and back.
 */
public interface DeviceTransfer {

    /** A new device storage holding the same numbers as a host storage. */
    Storage toDevice(Storage host);

    /** A new host storage holding the same numbers as a device storage. */
    Storage toHost(Storage device);

    /** Makes {@code transfer} the way to and from {@code device}. */
    static void register(Device device, DeviceTransfer transfer) {
        Registry.TRANSFERS.put(device, transfer);
    }

    /** The registered transfer for a device, or an error saying how to get one. */
    static DeviceTransfer of(Device device) {
        DeviceTransfer t = Registry.TRANSFERS.get(device);
        if (t == null) {
            throw new IllegalStateException("no transfer to " + device + " is registered: start its backend first "
                    + "(for CUDA: new jgrad.cuda.CudaBackend(), or ./jgrad --backend cuda, on a machine with a GPU)");
        }
        return t;
    }

    /** Holds the registrations (interfaces cannot have private static fields). */
    final class Registry {
        private static final Map<Device, DeviceTransfer> TRANSFERS = java.util.Collections.synchronizedMap(
                new EnumMap<>(Device.class));

        private Registry() {
        }
    }
}
