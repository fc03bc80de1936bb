"""Inventory report with planted hotspots for cProfile recordings: direct recursion (a tree
walk, fib), mutual recursion (is_even/is_odd), recursion through a built-in (sum over map), a
regex compiled per call, a linear lookup once per item, and string concatenation in a loop."""
import re
import sys


class Part:
    def __init__(self, sku, weight, children=()):
        self.sku = sku
        self.weight = weight
        self.children = list(children)


def build(depth, width, prefix="p"):
    """Builds a tree of parts recursively."""
    if depth == 0:
        return Part(prefix, len(prefix))
    return Part(prefix, depth, [build(depth - 1, width, f"{prefix}.{i}") for i in range(width)])


def total_weight(part):
    """Recursion through a built-in: sum() and map() call back into this function."""
    return part.weight + sum(map(total_weight, part.children))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def valid_sku(sku):
    # A regex compiled on every call (the cache makes it cheap, not free).
    return re.compile(r"^p(\.\d+)*$").match(sku) is not None


def find_part(parts, sku):
    # Linear lookup, called once per item.
    for part in parts:
        if part.sku == sku:
            return part
    return None


def flatten(part):
    yield part
    for child in part.children:
        yield from flatten(child)


def report(parts, wanted):
    text = ""
    for sku in wanted:
        part = find_part(parts, sku)
        if part is not None and valid_sku(part.sku):
            text += f"{part.sku},{part.weight}\n"
    return text


def main(scale):
    root = build(4 + scale, 4)
    parts = list(flatten(root))
    wanted = sorted((p.sku for p in parts[::7]), key=len)
    text = report(parts, wanted)
    print(len(parts), total_weight(root), fib(18 + scale), is_even(300 * scale), len(text))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
