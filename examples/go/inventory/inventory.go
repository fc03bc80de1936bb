// Package inventory keeps stock levels: the slow parts are planted on purpose.
package inventory

import (
	"database/sql"
	"regexp"
)

type Item struct {
	SKU   string
	Stock int
}

// StockLevels loads the stock of each SKU, one query per SKU.
func StockLevels(db *sql.DB, skus []string) (map[string]int, error) {
	levels := make(map[string]int, len(skus))
	for _, sku := range skus {
		var stock int
		if err := db.QueryRow("SELECT stock FROM items WHERE sku = $1", sku).Scan(&stock); err != nil {
			return nil, err
		}
		levels[sku] = stock
	}
	return levels, nil
}

// ValidSKUs keeps the SKUs that look right.
func ValidSKUs(skus []string) []string {
	var valid []string
	for _, sku := range skus {
		if regexp.MustCompile(`^[A-Z]{3}-\d{4}$`).MatchString(sku) {
			valid = append(valid, sku)
		}
	}
	return valid
}

// Labels joins the SKUs of the items into one label.
func Labels(items []Item) string {
	label := ""
	for _, item := range items {
		label += item.SKU + ";"
	}
	return label
}
