"""An in-memory stand-in for a database session: each query scans its table, as a round trip
to a real database costs time per query."""


class Query:
    def __init__(self, rows):
        self.rows = rows

    def filter(self, predicate):
        return Query([row for row in self.rows if predicate(row)])

    def first(self):
        return self.rows[0] if self.rows else None

    def all(self):
        return list(self.rows)

    def __iter__(self):
        return iter(self.rows)


class Session:
    def __init__(self, tables):
        self.tables = tables

    def query(self, model):
        return Query(self.tables[model])
