package com.example.catalog;

/** Renders the tree with string concatenation in a loop (quadratic copying). */
public class Report {
    static String render(Category root) {
        String out = "";
        for (Category child : root.children) {
            out = out + child.name + ":" + child.countItems() + "\n";
            for (Category grandChild : child.children) {
                out = out + "  " + grandChild.name + "\n";
            }
        }
        return out;
    }
}
