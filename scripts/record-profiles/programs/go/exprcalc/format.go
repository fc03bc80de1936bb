package exprcalc

import "strconv"

// Format renders one result line.
func Format(i int, v float64) string {
	return "rule " + strconv.Itoa(i) + " = " + strconv.FormatFloat(v, 'f', 3, 64) + "\n"
}
