package com.example.catalog;

/**
 * A small catalog job for recording JFR profiles with known shapes: a recursive category tree that
 * allocates, a recursion deeper than JFR's default stack depth (64 frames) so some stacks come out
 * truncated, a quadratic string build, and a background thread that spends its time in native
 * compression code (for jdk.NativeMethodSample). Halfway through, a second recording starts, which
 * makes the first recording's file hold more than one chunk.
 */
public class CatalogApp {
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 4;
        Compressor compressor = new Compressor();
        compressor.setDaemon(true);
        compressor.start();
        long start = System.currentTimeMillis();
        long end = start + seconds * 1000;
        boolean rotated = false;
        long checksum = 0;
        while (System.currentTimeMillis() < end) {
            Category root = Category.build(0, 7);
            checksum += root.countItems();
            checksum += Pricing.discountChain(90, 3000);
            checksum += Report.render(root).length();
            if (!rotated && System.currentTimeMillis() - start > seconds * 500) {
                rotated = true;
                ChunkRotation.rotate();
            }
        }
        System.out.println("checksum " + checksum + " compressed " + compressor.total);
    }
}
