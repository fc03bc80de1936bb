package exprcalc

import "testing"

func env() []Binding {
	env := make([]Binding, 0, 40)
	for _, name := range []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
		"iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon",
		"phi", "chi", "psi", "omega", "price", "tax", "discount", "qty", "rate"} {
		env = append(env, Binding{Name: name, Value: float64(len(name))})
	}
	return env
}

func TestEval(t *testing.T) {
	n, err := Parse("(price + 2) * tax - discount / 4")
	if err != nil {
		t.Fatal(err)
	}
	if got := Eval(n, env()); got != (5+2)*3-8.0/4 {
		t.Fatalf("got %v", got)
	}
}

// BenchmarkRules parses rules of growing depth, evaluates each many times and reports the results.
func BenchmarkRules(b *testing.B) {
	e := env()
	for i := 0; i < b.N; i++ {
		values := make([]float64, 0, 64)
		for depth := 8; depth < 40; depth++ {
			n, err := Parse(Nested(depth))
			if err != nil {
				b.Fatal(err)
			}
			total := 0.0
			for k := 0; k < 20; k++ {
				total += Eval(n, e)
			}
			values = append(values, total)
		}
		_ = Report(values)
	}
}
