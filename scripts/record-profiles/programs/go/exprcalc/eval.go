package exprcalc

import "strings"

// Binding is one variable of an environment.
type Binding struct {
	Name  string
	Value float64
}

// lookup searches the environment item by item: small enough to be inlined into Eval, and hot.
func lookup(env []Binding, name string) float64 {
	for _, b := range env {
		if b.Name == name {
			return b.Value
		}
	}
	return 0
}

// Eval computes an expression tree recursively.
func Eval(n *Node, env []Binding) float64 {
	switch n.Op {
	case 0:
		if n.Name != "" {
			return lookup(env, n.Name)
		}
		return n.Value
	case '+':
		return Eval(n.Left, env) + Eval(n.Right, env)
	case '-':
		return Eval(n.Left, env) - Eval(n.Right, env)
	case '*':
		return Eval(n.Left, env) * Eval(n.Right, env)
	default:
		if r := Eval(n.Right, env); r != 0 {
			return Eval(n.Left, env) / r
		}
		return 0
	}
}

// Nested builds an expression nested `depth` levels deep: ((((a + 1) * b) - c) ...).
func Nested(depth int) string {
	var sb strings.Builder
	ops := []string{" + ", " * ", " - ", " / "}
	names := []string{"price", "tax", "discount", "qty", "rate"}
	for i := 0; i < depth; i++ {
		sb.WriteString("(")
	}
	sb.WriteString("1")
	for i := 0; i < depth; i++ {
		sb.WriteString(ops[i%len(ops)])
		sb.WriteString(names[i%len(names)])
		sb.WriteString(")")
	}
	return sb.String()
}

// Report formats results by repeated string concatenation (quadratic on purpose).
func Report(values []float64) string {
	out := ""
	for i, v := range values {
		out += Format(i, v)
	}
	return out
}
