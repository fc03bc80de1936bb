package com.example.catalog;

import java.util.Random;
import java.util.zip.Deflater;

/** A background thread that spends its time inside native zlib code. */
public class Compressor extends Thread {
    volatile long total;

    Compressor() {
        super("compressor");
    }

    @Override
    public void run() {
        byte[] input = new byte[1 << 20];
        new Random(42).nextBytes(input);
        byte[] output = new byte[1 << 21];
        while (true) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(input);
            deflater.finish();
            while (!deflater.finished()) {
                total += deflater.deflate(output);
            }
            deflater.end();
        }
    }
}
