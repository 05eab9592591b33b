package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated disk itself: what survives a power loss, and what may not. */
class SimulatedDiskTest {
    private static final int SECTOR = SimulatedDisk.SECTOR;

    @TempDir
    Path dir;

    private static ByteBuffer filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return ByteBuffer.wrap(b);
    }

    @Test
    void forcedBytesAlwaysSurviveAndEachUnforcedSectorIsOldNewOrZero() throws IOException {
        boolean sawHoleBeforeData = false;
        boolean sawTornWrite = false;
        for (int seed = 0; seed < 300; seed++) {
            Path file = dir.resolve("f" + seed);
            SimulatedDisk disk = new SimulatedDisk(new Random(seed));
            try (DiskFile f = disk.open(file, Disk.Mode.CREATE_EMPTY)) {
                f.write(filled(3 * SECTOR + 100, 1), 0);
                f.force(false);
                disk.forceDirectory(dir);
                f.write(filled(2 * SECTOR, 2), 3 * SECTOR + 100);
                f.write(filled(2 * SECTOR, 3), 5 * SECTOR + 100);
            }
            disk.powerLoss();
            disk.restart();
            byte[] after = Files.readAllBytes(file);
            assertTrue(after.length >= 3 * SECTOR + 100, "forced length survives, seed " + seed);
            for (int i = 0; i < 3 * SECTOR + 100; i++) {
                assertEquals(1, after[i], "forced byte " + i + ", seed " + seed);
            }
            // each write's piece of each sector: all its bytes, or none (zeros)
            int[][] pieces = {{3 * SECTOR + 100, 4 * SECTOR, 2}, {4 * SECTOR, 5 * SECTOR, 2},
                {5 * SECTOR, 5 * SECTOR + 100, 2}, {5 * SECTOR + 100, 6 * SECTOR, 3}, {6 * SECTOR, 7 * SECTOR, 3},
                {7 * SECTOR, 7 * SECTOR + 100, 3}};
            boolean[] present = new boolean[pieces.length];
            for (int p = 0; p < pieces.length; p++) {
                int from = pieces[p][0];
                int to = pieces[p][1];
                if (from >= after.length) {
                    continue;
                }
                assertTrue(to <= after.length, "the length ends between pieces, seed " + seed);
                byte v = after[from];
                assertTrue(v == 0 || v == pieces[p][2], "piece at " + from + " holds " + v + ", seed " + seed);
                for (int i = from; i < to; i++) {
                    assertEquals(v, after[i], "a piece lands whole or not at all, byte " + i + ", seed " + seed);
                }
                present[p] = v != 0;
            }
            sawHoleBeforeData |= !present[0] && present[4];
            sawTornWrite |= present[0] != present[1] || present[3] != present[4];
        }
        assertTrue(sawHoleBeforeData, "some power loss kept a later write and lost an earlier one");
        assertTrue(sawTornWrite, "some power loss tore a write at a sector boundary");
    }

    @Test
    void aNameSurvivesOnceItsDirectoryWasForced() throws IOException {
        boolean sawLostName = false;
        for (int seed = 0; seed < 50; seed++) {
            SimulatedDisk disk = new SimulatedDisk(new Random(seed));
            Path kept = dir.resolve("kept-" + seed);
            Path maybe = dir.resolve("maybe-" + seed);
            try (DiskFile f = disk.open(kept, Disk.Mode.CREATE_EMPTY)) {
                f.write(filled(10, 7), 0);
                f.force(true);
            }
            disk.forceDirectory(dir);
            try (DiskFile f = disk.open(maybe, Disk.Mode.CREATE_EMPTY)) {
                f.write(filled(10, 8), 0);
                f.force(true);
            }
            disk.powerLoss();
            disk.restart();
            assertArrayEquals(filled(10, 7).array(), Files.readAllBytes(kept));
            sawLostName |= !Files.exists(maybe);
        }
        assertTrue(sawLostName, "a file created after its directory's last force can vanish");
    }

    @Test
    void anAtomicWriteIsAllOrNothingAndDurableOnceItReturns() throws IOException {
        for (int seed = 0; seed < 100; seed++) {
            SimulatedDisk disk = new SimulatedDisk(new Random(seed));
            LogDirectory directory = new LogDirectory(dir, disk);
            Path target = dir.resolve("atomic-" + seed);
            directory.writeAtomically(target, filled(700, 1));
            Files.write(dir.resolve("unrelated"), new byte[] {1});
            disk.powerLossAt(disk.operations() + 1 + seed % 5);
            try {
                directory.writeAtomically(target, filled(900, 2));
            } catch (IOException e) {
                assertTrue(disk.powerIsOff(), e.toString());
            }
            disk.powerLoss();
            disk.restart();
            byte[] after = Files.readAllBytes(target);
            assertTrue(Arrays.equals(filled(700, 1).array(), after) || Arrays.equals(filled(900, 2).array(), after),
                    "seed " + seed + ": " + after.length + " bytes");
            assertArrayEquals(new byte[] {1}, Files.readAllBytes(dir.resolve("unrelated")), "not the disk's file");
        }
    }

    @Test
    void afterThePowerGoesOffEveryOperationFailsUntilRestart() throws IOException {
        SimulatedDisk disk = new SimulatedDisk(new Random(1));
        Path file = dir.resolve("f");
        DiskFile f = disk.open(file, Disk.Mode.CREATE_EMPTY);
        disk.powerLossAt(disk.operations() + 2);
        f.write(filled(5, 1), 0);
        assertThrows(IOException.class, () -> f.force(false));
        assertThrows(IOException.class, () -> f.write(filled(5, 1), 5));
        assertThrows(IOException.class, () -> disk.open(dir.resolve("g"), Disk.Mode.CREATE_EMPTY));
        assertTrue(disk.powerIsOff());
        disk.restart();
        assertFalse(disk.powerIsOff());
        assertThrows(IOException.class, () -> f.write(filled(5, 1), 5), "files open before stay dead");
        try (DiskFile g = disk.open(file, Disk.Mode.EXISTING)) {
            g.write(filled(5, 4), 0);
        }
    }
}
