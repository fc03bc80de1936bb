module example.com/exprcalc

go 1.19
