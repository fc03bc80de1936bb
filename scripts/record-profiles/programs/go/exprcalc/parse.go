// Package exprcalc parses and evaluates arithmetic rules such as "price * (1 + tax) - discount",
// recursively, so that a CPU profile of it has deep and recursive stacks.
package exprcalc

import (
	"fmt"
	"strconv"
	"strings"
)

// Node is one node of an expression tree: a number, a variable or an operator with two operands.
type Node struct {
	Op    byte
	Value float64
	Name  string
	Left  *Node
	Right *Node
}

type parser struct {
	src string
	pos int
}

// Parse reads an expression with + - * / and parentheses; it recurses once per nesting level.
func Parse(src string) (*Node, error) {
	p := &parser{src: src}
	n, err := p.sum()
	if err != nil {
		return nil, err
	}
	if p.skipSpace(); p.pos != len(p.src) {
		return nil, fmt.Errorf("unexpected %q at %d", p.src[p.pos], p.pos)
	}
	return n, nil
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

// sum reads terms joined by + and -, product factors joined by * and /.
func (p *parser) sum() (*Node, error)     { return p.binary(p.product, "+-") }
func (p *parser) product() (*Node, error) { return p.binary(p.factor, "*/") }

// binary reads operands joined by any of the operators in ops, left-associative.
func (p *parser) binary(operand func() (*Node, error), ops string) (*Node, error) {
	left, err := operand()
	if err != nil {
		return nil, err
	}
	for p.skipSpace(); p.pos < len(p.src) && strings.IndexByte(ops, p.src[p.pos]) >= 0; p.skipSpace() {
		op := p.src[p.pos]
		p.pos++
		right, err := operand()
		if err != nil {
			return nil, err
		}
		left = &Node{Op: op, Left: left, Right: right}
	}
	return left, nil
}

func (p *parser) factor() (*Node, error) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, fmt.Errorf("expression ends early")
	}
	c := p.src[p.pos]
	switch {
	case c == '(':
		p.pos++
		n, err := p.sum()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return nil, fmt.Errorf("missing ) at %d", p.pos)
		}
		p.pos++
		return n, nil
	case c >= '0' && c <= '9':
		start := p.pos
		for p.pos < len(p.src) && (p.src[p.pos] == '.' || (p.src[p.pos] >= '0' && p.src[p.pos] <= '9')) {
			p.pos++
		}
		v, err := strconv.ParseFloat(p.src[start:p.pos], 64)
		return &Node{Value: v}, err
	case c >= 'a' && c <= 'z':
		start := p.pos
		for p.pos < len(p.src) && p.src[p.pos] >= 'a' && p.src[p.pos] <= 'z' {
			p.pos++
		}
		return &Node{Name: p.src[start:p.pos]}, nil
	}
	return nil, fmt.Errorf("unexpected %q at %d", c, p.pos)
}
