"""The shop's records, with just enough of an ORM's column API for the example to run."""


class Column:
    def __init__(self, name):
        self.name = name

    def __eq__(self, value):
        return lambda row: getattr(row, self.name) == value

    def in_(self, values):
        wanted = set(values)
        return lambda row: getattr(row, self.name) in wanted


class Customer:
    id = Column("id")

    def __init__(self, id, name):
        self.id = id
        self.name = name


class Order:
    customer_id = Column("customer_id")

    def __init__(self, id, customer_id, total, sku):
        self.id = id
        self.customer_id = customer_id
        self.total = total
        self.sku = sku
