// Command manystacks writes a large real heap profile: with every allocation sampled, it
// allocates from a great many distinct call stacks, so that Go's runtime/pprof writes a profile
// of tens of megabytes, for the import benchmark. Like a server's, the stacks share a deep
// prefix (a request passing through layers of handlers) and then branch: a recursive walk takes
// one of four routes at each level, and ends in one of two allocation sites.
//
// Usage: manystacks OUT.pprof [ALLOCATIONS]
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
)

// depth is how many routes a stack takes: 2 * 4^depth distinct stacks are possible.
const depth = 9

// layers is how deep the shared prefix of every stack is.
const layers = 12

var kept [][]byte

// record and recordLarge allocate a buffer, and keep one in sixteen (so that some count as in
// use); they are small enough for the compiler to inline them into each route, which gives the
// profile inlined frames.
func record(n int) {
	b := make([]byte, 16+n%64)
	if n%16 == 0 {
		kept = append(kept, b)
	}
}

func recordLarge(n int) {
	b := make([]byte, 512+n%1024)
	if n%16 == 0 {
		kept = append(kept, b)
	}
}

// handle passes the request down `layers` levels before the branching walk starts.
//
//go:noinline
func handle(path, layer int) {
	if layer == layers {
		step(path, 0, 0)
		return
	}
	handle(path, layer+1)
}

// The four routes: each records at the bottom of the walk or goes one level further down
// the route that the next base-4 digit of `path` names.
func north(path, level int) { step(path, level, 0) }
func east(path, level int)  { step(path, level, 1) }
func south(path, level int) { step(path, level, 2) }
func west(path, level int)  { step(path, level, 3) }

func step(path, level, route int) {
	if level == depth {
		if (path>>(2*depth))&1 == 0 {
			record(path + route)
		} else {
			recordLarge(path + route)
		}
		return
	}
	switch (path >> (2 * level)) & 3 {
	case 0:
		north(path, level+1)
	case 1:
		east(path, level+1)
	case 2:
		south(path, level+1)
	default:
		west(path, level+1)
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: manystacks OUT.pprof [ALLOCATIONS]")
		os.Exit(2)
	}
	allocations := 500000
	if len(os.Args) > 2 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		allocations = n
	}
	runtime.MemProfileRate = 1
	for i := 0; i < allocations; i++ {
		// A different path for each allocation, spread over the 4^depth stacks.
		handle(i*2654435761%(1<<(2*depth+1)), 0)
	}
	runtime.GC()
	out, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := pprof.WriteHeapProfile(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := out.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
