/**
 * expensive-object-in-loop: clients, connection pools, formatters and parsers that are costly to
 * build and made to be reused, built again on every round of a loop from the same arguments.
 */
import type { LanguageId } from '../syntax/languages';
import { invariantInLoop } from '../syntax/loop-invariance';
import { runsOncePerLoop } from '../syntax/runs-once';
import { compilePatterns } from './call-patterns';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule } from './rule';

/** A kind of object, with the calls that build one (call-patterns.ts globs) and what building costs. */
interface Maker {
  patterns: readonly string[];
  /** Completes "… creates": "an HTTP client with its own connection pool". */
  what: string;
}

const MAKERS: Record<LanguageId, readonly Maker[]> = {
  python: [
    {
      patterns: ['requests.{Session,session}', 'httpx.{Client,AsyncClient}', 'aiohttp.ClientSession', 'urllib3.PoolManager'],
      what: 'an HTTP client with its own connection pool',
    },
    { patterns: ['boto3.{client,resource,Session}', 'boto3.session.Session'], what: 'an AWS SDK client, which reads credentials and endpoint data' },
    { patterns: ['{sqlalchemy.,}create_engine', '{sqlalchemy.ext.asyncio.,}create_async_engine'], what: 'a database engine with its own connection pool' },
    {
      patterns: [
        '{psycopg2,psycopg,pymysql,MySQLdb,sqlite3,asyncpg}.connect', 'mysql.connector.connect',
        '{pymongo.,}MongoClient', 'redis.{Redis,StrictRedis,from_url}',
      ],
      what: 'a new database connection',
    },
    { patterns: ['jinja2.Environment'], what: 'a template environment, whose templates are compiled and cached per environment' },
  ],
  javascript: [],
  typescript: [],
  go: [
    { patterns: ['sql.Open', 'pgxpool.New', 'pgx.Connect', 'mongo.Connect', 'redis.NewClient'], what: 'a database handle with its own connection pool' },
    { patterns: ['grpc.{Dial,DialContext,NewClient}'], what: 'a gRPC client connection' },
    { patterns: ['config.LoadDefaultConfig'], what: 'an AWS configuration, read from the environment and shared files' },
    { patterns: ['template.{ParseFiles,ParseGlob}', 'template.New().Parse'], what: 'a parsed template' },
  ],
  java: [
    { patterns: ['new {ObjectMapper,XmlMapper,YAMLMapper,JsonMapper,Gson,GsonBuilder}'], what: 'a JSON mapper, which caches serializers per instance' },
    {
      patterns: [
        'HttpClient.{newHttpClient,newBuilder}', 'HttpClients.{createDefault,custom}', 'new {OkHttpClient,RestTemplate}',
        'WebClient.{create,builder}',
      ],
      what: 'an HTTP client with its own connection pool',
    },
    { patterns: ['new {SimpleDateFormat,DecimalFormat}', 'DateTimeFormatter.ofPattern'], what: 'a formatter, which parses its pattern' },
    {
      patterns: ['JAXBContext.newInstance', '{DocumentBuilderFactory,SAXParserFactory,TransformerFactory,XMLInputFactory,XPathFactory}.newInstance'],
      what: 'an XML factory, which looks its implementation up on the class path',
    },
    { patterns: ['DriverManager.getConnection'], what: 'a new database connection' },
  ],
};

const JS_MAKERS: readonly Maker[] = [
  { patterns: ['{new ,}Intl.*'], what: 'a locale formatter, which loads locale data' },
  { patterns: ['new PrismaClient', 'new {MongoClient,Redis}', 'new pg.{Pool,Client}', '{mysql,mysql2}.{createConnection,createPool}'], what: 'a database client' },
  { patterns: ['axios.create'], what: 'an HTTP client' },
  {
    patterns: ['new {S3,DynamoDB,DynamoDBDocument,SQS,SNS,Lambda,SecretsManager,SSM,Kinesis,CloudWatch}Client', 'new AWS.*'],
    what: 'an AWS SDK client, which reads credentials and endpoint data',
  },
];

interface CompiledMaker {
  pattern: RegExp;
  what: string;
}

function compile(makers: readonly Maker[]): CompiledMaker[] {
  return makers.flatMap((m) => {
    const pattern = compilePatterns(m.patterns);
    return pattern ? [{ pattern, what: m.what }] : [];
  });
}

const COMPILED: Record<LanguageId, CompiledMaker[]> = {
  python: compile(MAKERS.python),
  javascript: compile(JS_MAKERS),
  typescript: compile(JS_MAKERS),
  go: compile(MAKERS.go),
  java: compile(MAKERS.java),
};

export const expensiveObjectInLoop: Rule = {
  meta: {
    id: 'expensive-object-in-loop',
    title: 'Client, connection or formatter created again on every iteration',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'warning',
    confidence: 'high',
    why:
      'HTTP and SDK clients, database engines and connections, JSON mappers, date and number ' +
      'formatters and XML factories are built to be made once and reused. Making one opens ' +
      'connections (a TCP and TLS handshake each), reads credentials or locale data, compiles a ' +
      'pattern or fills a cache of serializers, and all of that is thrown away when the next ' +
      'iteration makes another from the same arguments. An HTTP client made per item also gets ' +
      'no connection reuse at all. Loops over a collection and counted loops are checked; ' +
      '`while` loops, which often reconnect on purpose, are not.',
    fix:
      'Create the object once, before the loop (or once per process: a module-level client, a ' +
      '`static final` mapper or formatter, a connection pool injected where it is used), and ' +
      'use it inside the loop. `SimpleDateFormat` is not thread-safe: share a ' +
      '`DateTimeFormatter` instead.',
    examples: {
      python: {
        flagged: 'for url in urls:\n    with requests.Session() as session:\n        pages.append(session.get(url).text)',
        useInstead: 'with requests.Session() as session:\n    for url in urls:\n        pages.append(session.get(url).text)',
      },
      javascript: {
        flagged: 'const labels = prices.map((p) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(p));',
        useInstead: 'const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });\nconst labels = prices.map((p) => usd.format(p));',
      },
      typescript: {
        flagged: 'for (const key of keys) {\n  const s3 = new S3Client({ region });\n  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));\n}',
        useInstead: 'const s3 = new S3Client({ region });\nfor (const key of keys) {\n  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));\n}',
      },
      go: {
        flagged: 'for _, id := range ids {\n\tdb, err := sql.Open("postgres", dsn)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdb.Exec("DELETE FROM jobs WHERE id = $1", id)\n}',
        useInstead: 'db, err := sql.Open("postgres", dsn)\nif err != nil {\n\treturn err\n}\nfor _, id := range ids {\n\tdb.Exec("DELETE FROM jobs WHERE id = $1", id)\n}',
      },
      java: {
        flagged: 'for (String line : lines) {\n    events.add(new ObjectMapper().readValue(line, Event.class));\n}',
        useInstead: 'private static final ObjectMapper MAPPER = new ObjectMapper();\n\nfor (String line : lines) {\n    events.add(MAPPER.readValue(line, Event.class));\n}',
      },
    },
    quickFix:
      'Java only: moves the creation to a `private static final` field of the class (above its ' +
      'first member, named after the variable or the type, `MAPPER`, `OBJECT_MAPPER`) and uses ' +
      'the field where the object was made; a `private static final` field the class already has, ' +
      'made the same way and never configured, is used instead of a second one. Offered for objects that are safe to share between ' +
      'threads once set up: Jackson\'s `ObjectMapper`, `XmlMapper`, `YAMLMapper` and ' +
      '`JsonMapper`, `Gson` (and `new GsonBuilder()…create()`), `HttpClient.newHttpClient()` (and ' +
      '`HttpClient.newBuilder()…build()`), `OkHttpClient`, `RestTemplate`, `WebClient.create()` ' +
      'and `DateTimeFormatter.ofPattern()`; only when every argument is a constant and nothing ' +
      'configures or closes the object after it is made (`set…`, `configure`, `enable`, ' +
      '`register…`, `close` and the like on it or on the variable that holds it), and the class ' +
      'can hold a static field (not an anonymous, inner or local class). When the variable is ' +
      'passed to a method, that method could configure or keep what is now one object for every ' +
      'thread, so the fix is titled "(check `method` neither configures nor keeps it: …)" and is ' +
      'never applied automatically; an object that is returned, stored or added to a collection ' +
      'gets no fix. ' +
      'Not offered for `SimpleDateFormat` and `DecimalFormat` (not thread-safe), the XML ' +
      'factories (not promised to be thread-safe), `JAXBContext.newInstance` (its checked ' +
      'exception cannot leave a field initializer) or database connections.',
    references: [
      { title: 'Requests: Session objects', url: 'https://requests.readthedocs.io/en/latest/user/advanced/#session-objects' },
      { title: 'HTTPX: why use a Client?', url: 'https://www.python-httpx.org/advanced/clients/' },
      { title: 'MDN: Intl.NumberFormat (reuse a formatter for performance)', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/format' },
      { title: 'Go: sql.Open (the returned DB is meant to be long-lived)', url: 'https://pkg.go.dev/database/sql#Open' },
      { title: 'Jackson: ObjectMapper is thread-safe and meant to be reused', url: 'https://fasterxml.github.io/jackson-databind/javadoc/2.16/com/fasterxml/jackson/databind/ObjectMapper.html' },
      { title: 'AWS SDK for JavaScript v3: reuse clients', url: 'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-reusing-connections.html' },
    ],
    peers: ['PMD AvoidInstantiatingObjectsInLoops (any object)', 'Amazon CodeGuru Reviewer (reuse of SDK clients)'],
  },

  check(context) {
    const makers = COMPILED[context.language];
    const { dialect, facts, language } = context;
    for (const site of facts.sites.call) {
      const loop = site.loops[0];
      if (!loop || loop.kind === 'while' || loop.kind === 'do') continue;
      const path = dialect.calleePath(site.node);
      const maker = makers.find((m) => m.pattern.test(path));
      // Made right before a `return`, it is made once per call, not per round.
      if (!maker || runsOncePerLoop(site.node, loop.node)) continue;
      if (!dialect.callArgs(site.node).every((arg) => invariantInLoop(language, facts, dialect, arg, loop))) continue;
      // A chained builder (`template.New("x").Parse(…)`) reads its receiver's arguments too.
      const receiver = dialect.receiver(site.node);
      if (receiver && !invariantInLoop(language, facts, dialect, receiver, loop)) continue;
      const shown = path.startsWith('new ') ? path : `${path}()`;
      context.report(
        site.node,
        `${quote(shown)} creates ${maker.what} ${repetition(loop)}, from the same arguments each time: create it once before the loop and reuse it`,
        loopsRelated(site.loops),
      );
    }
  },
};
