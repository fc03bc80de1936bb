/*
 * A small freestanding program (no C library, so that every frame perf records is ours and can
 * be resolved from this one binary on any machine) with the hotspots Hotpath looks for: a linear
 * lookup called once per item, a recursive tree walk, a string built by repeated appends that
 * rescan it, and a nested busy loop. It exits through the exit system call.
 */
typedef unsigned long size_t;

#define ACCOUNTS 4000
#define TRANSFERS 60000
#define REPORT_BYTES 65536

struct account {
    int id;
    long balance;
};

struct node {
    int left, right;
    long weight;
};

#define TREE_NODES (1 << 12)

/*
 * The data lives in memory from mmap and its pointers in .data: a program with a .bss segment
 * (file size 0) makes perf 6.1 map its samples to the wrong symbols.
 */
#define IN_DATA __attribute__((section(".data")))
static struct account *accounts IN_DATA;
static struct node *tree IN_DATA;
static char *report IN_DATA;
static volatile long sink IN_DATA;

static void *map_memory(size_t bytes)
{
    long result;
    /* mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) */
    register long flags __asm__("r10") = 0x22;
    register long fd __asm__("r8") = -1;
    register long offset __asm__("r9") = 0;
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "a"(9), "D"(0), "S"(bytes), "d"(3), "r"(flags), "r"(fd), "r"(offset)
                     : "rcx", "r11", "memory");
    return (void *)result;
}

/* Linear scan: the hotspot, called once per transfer (N+1 style). */
static struct account *find_account(int id)
{
    for (int i = 0; i < ACCOUNTS; i++) {
        if (accounts[i].id == id)
            return &accounts[i];
    }
    return 0;
}

static void apply_transfers(int rounds)
{
    for (int r = 0; r < rounds; r++) {
        for (int t = 0; t < TRANSFERS / 10; t++) {
            struct account *a = find_account((t * 7919 + r) % ACCOUNTS);
            if (a)
                a->balance += t % 13;
        }
    }
}

/* Recursive walk of a complete binary tree: deep, recursive stacks. */
static long tree_weight(int at, int depth)
{
    if (at < 0)
        return 0;
    long w = tree[at].weight;
    for (int k = 0; k < depth * 40; k++)
        w += (w ^ k) & 7;
    return w + tree_weight(tree[at].left, depth + 1) + tree_weight(tree[at].right, depth + 1);
}

static size_t text_length(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* Appends by rescanning the whole buffer every time: quadratic. */
static void append(char *buf, const char *s)
{
    size_t at = text_length(buf);
    size_t n = text_length(s);
    if (at + n + 1 >= REPORT_BYTES)
        return;
    for (size_t i = 0; i <= n; i++)
        buf[at + i] = s[i];
}

static void build_report(int rows)
{
    char line[24] = "acct 000000 balance ok\n";
    report[0] = 0;
    for (int i = 0; i < rows; i++) {
        line[5] = (char)('0' + i % 10);
        append(report, line);
    }
}

static long checksum(int rounds)
{
    long sum = 0;
    for (int i = 0; i < rounds; i++)
        for (int j = 0; j < 20000; j++)
            sum += (i * j) ^ (sum >> 3);
    return sum;
}

static void setup(void)
{
    accounts = map_memory(ACCOUNTS * sizeof *accounts);
    tree = map_memory(TREE_NODES * sizeof *tree);
    report = map_memory(REPORT_BYTES);
    for (int i = 0; i < ACCOUNTS; i++) {
        accounts[i].id = (i * 37) % ACCOUNTS;
        accounts[i].balance = i;
    }
    int n = TREE_NODES;
    for (int i = 0; i < n; i++) {
        tree[i].left = 2 * i + 1 < n ? 2 * i + 1 : -1;
        tree[i].right = 2 * i + 2 < n ? 2 * i + 2 : -1;
        tree[i].weight = i % 17;
    }
}

static void exit_process(int code)
{
    __asm__ volatile("syscall" : : "a"(60), "D"(code) : "rcx", "r11", "memory");
    for (;;) {
    }
}

void entry(void)
{
    setup();
    apply_transfers(70);
    long total = 0;
    for (int i = 0; i < 100; i++)
        total += tree_weight(0, 0);
    build_report(2500);
    sink = total + checksum(6000) + (long)text_length(report);
    exit_process(0);
}

/* The process starts here: clear the frame pointer (the end of every stack) and align the stack. */
__asm__(".globl _start\n"
        "_start:\n"
        "  xor %rbp, %rbp\n"
        "  and $-16, %rsp\n"
        "  call entry\n"
        "  hlt\n");
