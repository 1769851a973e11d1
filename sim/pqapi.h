/*
 * pqapi.h - the libpq functions the PostgreSQL backend uses, called through
 * a table that pq_load fills at the first connection (sim/dynlib.h says
 * why libpq is not linked). Include this instead of <libpq-fe.h>: the
 * names below then call through the table, and the code reads as plain
 * libpq.
 * Deliberately not here: SQL, the store's behaviour.
 */
#ifndef CRM_PQAPI_H
#define CRM_PQAPI_H

#include <libpq-fe.h>

#define CRM_PQ_FUNCS(X)                                                                      \
    X(PQclear) X(PQcmdTuples) X(PQconnectdbParams) X(PQconnectionNeedsPassword)               \
    X(PQencryptPasswordConn) X(PQerrorMessage) X(PQescapeIdentifier) X(PQescapeLiteral)      \
    X(PQexec) X(PQexecParams) X(PQfinish) X(PQfreemem) X(PQgetResult) X(PQgetisnull)          \
    X(PQgetvalue) X(PQntuples) X(PQresultErrorField) X(PQresultStatus)                        \
    X(PQsendQueryParams) X(PQsetNoticeProcessor) X(PQsetSingleRowMode) X(PQstatus)            \
    X(PQtransactionStatus) X(PQuser)

struct pq_api {
#define CRM_PQ_MEMBER(f) __typeof__(f) *f;
    CRM_PQ_FUNCS(CRM_PQ_MEMBER)
#undef CRM_PQ_MEMBER
};
extern struct pq_api pq_api;

/* Loads libpq once; 0, or -1 with *err (caller frees) saying that
 * PostgreSQL needs the libpq5 package. */
int pq_load(char **err);

#ifndef CRM_PQAPI_IMPL
#define PQclear pq_api.PQclear
#define PQcmdTuples pq_api.PQcmdTuples
#define PQconnectdbParams pq_api.PQconnectdbParams
#define PQconnectionNeedsPassword pq_api.PQconnectionNeedsPassword
#define PQencryptPasswordConn pq_api.PQencryptPasswordConn
#define PQerrorMessage pq_api.PQerrorMessage
#define PQescapeIdentifier pq_api.PQescapeIdentifier
#define PQescapeLiteral pq_api.PQescapeLiteral
#define PQexec pq_api.PQexec
#define PQexecParams pq_api.PQexecParams
#define PQfinish pq_api.PQfinish
#define PQfreemem pq_api.PQfreemem
#define PQgetResult pq_api.PQgetResult
#define PQgetisnull pq_api.PQgetisnull
#define PQgetvalue pq_api.PQgetvalue
#define PQntuples pq_api.PQntuples
#define PQresultErrorField pq_api.PQresultErrorField
#define PQresultStatus pq_api.PQresultStatus
#define PQsendQueryParams pq_api.PQsendQueryParams
#define PQsetNoticeProcessor pq_api.PQsetNoticeProcessor
#define PQsetSingleRowMode pq_api.PQsetSingleRowMode
#define PQstatus pq_api.PQstatus
#define PQtransactionStatus pq_api.PQtransactionStatus
#define PQuser pq_api.PQuser
#endif

#endif
