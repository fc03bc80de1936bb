// Syncs product prices from the catalog service.
const fs = require('fs');

async function syncPrices(products) {
  const overrides = JSON.parse(fs.readFileSync('overrides.json', 'utf8'));
  for (const product of products) {
    const response = await fetch(`https://catalog.example.com/prices/${product.sku}`);
    product.price = overrides[product.sku] ?? (await response.json()).price;
  }
  return products;
}

module.exports = { syncPrices };
