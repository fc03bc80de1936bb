"""Runs the order report on generated data: `python -m cProfile -o ../profiles/shop.prof report.py`."""
import random

from shop.db import Session
from shop.models import Customer, Order
from shop.orders import csv_report, customer_names, customer_of, repeat_customers, valid_skus


def main():
    rng = random.Random(7)
    customers = [Customer(i, f"customer {i}") for i in range(3000)]
    orders = [Order(i, rng.randrange(3000), rng.randrange(1, 500), f"SKU-{rng.randrange(10000):04d}") for i in range(1500)]
    session = Session({Customer: customers})
    names = customer_names(session, orders)
    skus = valid_skus([o.sku.replace("SKU", "ABC") for o in orders])
    report = csv_report(orders)
    vips = repeat_customers(orders, range(0, 3000, 7))
    print(len(names), len(skus), len(report), len(vips), len(big_spenders(session, orders)))


def big_spenders(session, orders):
    return {customer_of(session, order).name for order in orders if order.total > 450}


if __name__ == "__main__":
    main()
