/**
 * What counts as a database, HTTP, cache or RPC call, per language and library. One table, read
 * by every rule that asks "is this call I/O?". Patterns are described in call-patterns.ts.
 *
 * Receiver names matter: `cursor.execute` is a query, `executor.execute` is not. The names below
 * are the ones the libraries' own documentation uses for their objects.
 */
import type { LanguageId } from '../syntax/languages';
import { CallMatcher, CallPatternGroup, IoKind } from './call-patterns';

const PYTHON: CallPatternGroup[] = [
  {
    kind: 'database',
    patterns: [
      // DB-API 2.0 (sqlite3, psycopg, mysqlclient), asyncpg.
      '**.{cursor,cur,conn,connection,con,db,database}.{execute,executemany,executescript}',
      '**.cursor().{execute,executemany}',
      '**.{conn,connection,pool,db}.{fetch,fetchrow,fetchval}',
      // SQLAlchemy sessions and engines.
      '**.{session,db_session,dbsession,sess,Session,async_session}.{query,execute,scalar,scalars,merge,refresh,flush}',
      '**.{engine,connection}.{execute,scalar}',
      // Django ORM managers.
      '**.objects.{get,filter,exclude,all,create,get_or_create,update_or_create,count,exists,first,last,aggregate,values,values_list,in_bulk,raw,bulk_create,earliest,latest}',
      '**.objects.*().{get,filter,exclude,count,exists,first,last,update,delete,values,values_list,aggregate}',
    ],
  },
  {
    kind: 'http',
    patterns: [
      '{requests,httpx}.{get,post,put,patch,delete,head,options,request}',
      '{urllib.request.urlopen,urlopen,urllib3.request}',
      '**.{session,http,http_client,httpx_client,async_client,requests_session}.{get,post,put,patch,delete,head,request}',
    ],
  },
  {
    kind: 'cache',
    patterns: [
      '**.{redis,redis_client,rdb,redis_conn,rds}.{get,set,hget,hset,hgetall,mget,mset,delete,incr,expire,exists,lpush,rpush,sadd,smembers,zadd,zrange}',
    ],
  },
  { kind: 'rpc', patterns: ['**.{stub,*_stub}.[A-Z]*'] },
];

const JS_GLOBALS = '{Object,Math,Array,Promise,Reflect,JSON,Date,Number,String,Symbol,Map,Set,WeakMap,Intl,Buffer,Atomics,BigInt,Error,URL}';

const JAVASCRIPT: CallPatternGroup[] = [
  {
    kind: 'http',
    patterns: [
      '{fetch,globalThis.fetch,window.fetch,self.fetch}',
      '{axios,got,ky,superagent,needle}',
      '{axios,got,ky,superagent,needle}.{get,post,put,patch,delete,head,options,request}',
      '{http,https}.{get,request}',
      '**.{http,httpClient,axiosInstance,api,apiClient,restClient}.{get,post,put,patch,delete,head,request}',
    ],
  },
  {
    kind: 'database',
    patterns: [
      // Prisma (the client is usually `prisma` or `db`).
      '**.{prisma,db}.*.{findUnique,findUniqueOrThrow,findFirst,findFirstOrThrow,findMany,create,createMany,update,updateMany,upsert,delete,deleteMany,count,aggregate,groupBy}',
      '**.{prisma,db}.{$queryRaw,$executeRaw,$queryRawUnsafe,$executeRawUnsafe}',
      // Sequelize and Mongoose models: a capitalized class with a static query method.
      '[A-Z]*.{findOne,findAll,findByPk,findOrCreate,findAndCountAll,findById,findOneAndUpdate,findByIdAndUpdate,findByIdAndDelete,updateOne,updateMany,deleteOne,deleteMany,countDocuments,insertMany,bulkCreate,destroy,upsert,aggregate}',
      // Mongoose's `Model.find()`; a word, not a one-letter namespace like Ramda's `R.find`.
      '[A-Z][a-z]*.find',
      // The MongoDB driver: `db.collection('users').findOne(…)` or a collection kept in a variable.
      '**.collection().{find,findOne,insertOne,insertMany,updateOne,updateMany,replaceOne,deleteOne,deleteMany,countDocuments,aggregate,distinct,findOneAndUpdate,findOneAndDelete,bulkWrite}',
      '**.{collection,*Collection}.{findOne,insertOne,insertMany,updateOne,updateMany,replaceOne,deleteOne,deleteMany,countDocuments,aggregate,distinct,findOneAndUpdate,findOneAndDelete,bulkWrite}',
      // TypeORM repositories and managers.
      '**.{repository,repo,*Repository,*Repo,manager,entityManager,dataSource}.{find,findOne,findOneBy,findBy,findOneOrFail,findOneByOrFail,findAndCount,save,insert,update,delete,remove,count,query,exists,increment}',
      '**.getRepository().{find,findOne,findOneBy,findBy,save,insert,update,delete,count,query}',
      // node-postgres, mysql2, knex, better-sqlite3.
      '**.{client,pool,db,conn,connection,pgClient,pgPool,sql,knex,trx}.{query,execute,raw}',
      // A knex query starts with the table: `knex('users').where(…)`.
      '{knex,trx}',
      '**.{db,database}.prepare().{get,all,run}',
    ],
    unless: [JS_GLOBALS + '.*'],
  },
  {
    kind: 'cache',
    patterns: [
      '**.{redis,redisClient,rdb,cacheClient,redisCache}.{get,set,hget,hset,hGet,hSet,hgetall,hGetAll,mget,mGet,del,incr,expire,exists,lpush,lPush,rpush,rPush,sadd,sAdd,smembers,sMembers,zadd,zAdd}',
    ],
  },
];

const GO: CallPatternGroup[] = [
  {
    kind: 'database',
    patterns: [
      // database/sql, sqlx, pgx.
      '**.{db,DB,tx,Tx,conn,Conn,stmt,Stmt,sqlDB,pool,Pool}.{Query,QueryRow,Exec,QueryContext,QueryRowContext,ExecContext,Get,Select,GetContext,SelectContext,NamedExec,Queryx,QueryRowx}',
      // GORM, directly or after chained conditions (`db.WithContext(ctx).Where(…).First(&u)`).
      '**.{db,DB,tx,Tx,gormDB,orm}.{First,Find,Take,Last,Create,Save,Delete,Updates,Count,Pluck,Raw}',
      '**.{db,DB,tx,Tx,gormDB,orm}.*().**.{First,Find,Take,Last,Create,Save,Delete,Updates,Update,Count,Pluck,Scan,FirstOrCreate}',
    ],
  },
  {
    kind: 'http',
    patterns: [
      'http.{Get,Post,Head,PostForm}',
      '**.{client,httpClient,Client,DefaultClient,HTTPClient}.{Do,Get,Post,Head,PostForm}',
    ],
  },
  {
    kind: 'cache',
    patterns: ['**.{rdb,redis,redisClient,rdbClient}.{Get,Set,HGet,HSet,HGetAll,MGet,Del,Incr,Exists,LPush,RPush,SAdd,SMembers,ZAdd}'],
  },
];

const JAVA: CallPatternGroup[] = [
  {
    kind: 'database',
    patterns: [
      // JDBC.
      '**.{stmt,statement,ps,pstmt,st,preparedStatement,*Statement,*Stmt}.{executeQuery,executeUpdate,execute,executeLargeUpdate}',
      '**.{conn,connection,*Connection}.{prepareStatement,createStatement,prepareCall}().{executeQuery,executeUpdate,execute}',
      // JPA. `persist` and `remove` are queued until the flush (a loop of them is how batches are
      // written) and `getReference` returns a proxy without a query.
      '**.{em,entityManager,*EntityManager}.{find,createQuery,createNativeQuery,createNamedQuery,merge,refresh}',
      // Spring Data repositories.
      '**.{repository,repo,*Repository,*Repo,*Dao,dao}.{find*,save*,delete*,count*,exists*,get*,query*,search*,read*}',
      // Spring JdbcTemplate.
      '**.{jdbcTemplate,*JdbcTemplate,jdbc,namedJdbc,*jdbcTemplate}.{query,queryForObject,queryForList,queryForMap,queryForRowSet,update,batchUpdate,execute}',
    ],
  },
  {
    kind: 'http',
    patterns: [
      '**.{restTemplate,*RestTemplate}.{getForObject,getForEntity,postForObject,postForEntity,exchange,put,delete,execute,patchForObject}',
      '**.{webClient,*WebClient}.{get,post,put,delete,patch,method}',
      '**.{httpClient,client,*HttpClient,*Client}.{send,sendAsync}',
      '**.newCall().execute',
    ],
  },
  {
    kind: 'cache',
    patterns: [
      '**.{jedis,redis,*Jedis,redisClient}.{get,set,hget,hset,hgetAll,mget,del,incr,exists,lpush,rpush,sadd,smembers,zadd}',
      '**.{redisTemplate,*RedisTemplate}.opsFor*().*',
    ],
  },
];

export const BUILT_IN_PATTERNS: Record<LanguageId, CallPatternGroup[]> = {
  python: PYTHON,
  javascript: JAVASCRIPT,
  typescript: JAVASCRIPT,
  go: GO,
  java: JAVA,
};

/** A user's own I/O function, from the `hotpath.ioCalls` setting. */
export interface UserCallPattern {
  pattern: string;
  kind: IoKind;
  languages?: readonly LanguageId[];
}

/** The built-in table for a language, with the user's patterns checked first. */
export function ioMatcher(language: LanguageId, user: readonly UserCallPattern[] = []): CallMatcher {
  const mine = user
    .filter((p) => !p.languages || p.languages.includes(language))
    .map((p): CallPatternGroup => ({ kind: p.kind, patterns: [p.pattern] }));
  return new CallMatcher([...mine, ...BUILT_IN_PATTERNS[language]]);
}
