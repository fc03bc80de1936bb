package com.example.catalog;

import jdk.jfr.Recording;

/** Starting and stopping a second recording makes JFR close the current chunk and open a new one. */
public class ChunkRotation {
    static void rotate() {
        try (Recording second = new Recording()) {
            second.start();
            second.stop();
        }
    }
}
