package com.example.catalog;

/** A recursion deeper than JFR's default 64-frame stack depth, with a busy loop at the bottom. */
public class Pricing {
    static long discountChain(int depth, int work) {
        if (depth == 0) {
            return applyRates(work);
        }
        return discountChain(depth - 1, work) + depth;
    }

    static long applyRates(int work) {
        long acc = 0;
        for (int i = 0; i < work; i++) {
            for (int k = 0; k < 200; k++) {
                acc += (i * 31L + k) % 7;
            }
        }
        return acc;
    }
}
