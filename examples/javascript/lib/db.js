// An in-memory stand-in for a SQL client: each query parses its statement and scans the table,
// as a round trip to a real database costs time per query.
function createDb(tables) {
  return {
    query(sql, params = []) {
      const match = /^SELECT \* FROM (\w+) WHERE (\w+) = \?$/.exec(sql);
      if (!match) throw new Error(`unsupported statement: ${sql}`);
      const [, table, column] = match;
      return tables[table].filter((row) => row[column] === params[0]);
    },
  };
}

module.exports = { createDb };
