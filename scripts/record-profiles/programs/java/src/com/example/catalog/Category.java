package com.example.catalog;

import java.util.ArrayList;
import java.util.List;

/** A category tree built and walked recursively: allocation and recursion in one place. */
public class Category {
    final String name;
    final List<Category> children = new ArrayList<>();
    final int[] itemIds;

    Category(String name, int items) {
        this.name = name;
        this.itemIds = new int[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = name.hashCode() ^ i;
        }
    }

    static Category build(int level, int depth) {
        Category c = new Category("cat-" + level + "-" + System.nanoTime(), 16 + level * 8);
        if (level < depth) {
            c.children.add(build(level + 1, depth));
            c.children.add(build(level + 1, depth));
        }
        return c;
    }

    long countItems() {
        long n = itemIds.length;
        for (Category child : children) {
            n += child.countItems();
        }
        return n;
    }
}
