"""Order reports for the shop: the slow parts are planted on purpose."""
import re

from shop.db import Session
from shop.models import Customer, Order


def customer_names(session: Session, orders: list[Order]) -> dict[int, str]:
    names = {}
    for order in orders:
        customer = session.query(Customer).filter(Customer.id == order.customer_id).first()
        names[order.id] = customer.name
    return names


def valid_skus(skus):
    valid = []
    for sku in skus:
        if re.compile(r"^[A-Z]{3}-\d{4}$").match(sku) is None:
            continue
        valid.append(sku)
    return valid


def csv_report(orders):
    report = ""
    for order in orders:
        report += f"{order.id},{order.total}\n"
    return report


def repeat_customers(orders, vip_ids):
    vips = list(vip_ids)
    return [order for order in orders if order.customer_id in vips]


def customer_of(session: Session, order: Order) -> Customer:
    return session.query(Customer).filter(Customer.id == order.customer_id).first()
