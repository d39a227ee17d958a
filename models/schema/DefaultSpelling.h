#pragma once

#include <QString>

namespace strata {

struct Column;

// Turns a column default as PostgreSQL prints it (pg_get_expr) into the spelling drizzle-kit
// writes for the same default from a schema.ts, so that a schema read from a live database
// and one read from drizzle's snapshot hold the same text:
//
//   server prints                                  model holds (drizzle's spelling)
//   'draft'::post_status, 'x'::character varying   'draft', 'x'   (cast to the column's own type)
//   '-1'::integer, '5'::bigint, '1.5'::real        -1, 5, 1.5     (written as JSON numbers; also
//                                                                 an integer widened to bigint)
//   nextval('seq'::regclass)                       nextval('seq')  (a serial's own default is kept:
//                                                                 the Introspector leaves it alone)
//   99.9, '5'::numeric  (numeric columns)          '99.9', '5'    (drizzle's numeric is a string)
//   '{a,b}'::text[], '{t,f}'::boolean[]            '{"a","b"}', '{true,false}'
//   '{"a": 1}'::jsonb                              '{"a":1}'::jsonb (JSON.stringify's spacing)
//   anything else (now(), nextval(…), expressions) unchanged
//
// Every rewrite keeps the meaning: a cast to the column's own type is what assignment does
// anyway, and an array literal means the same with its elements quoted. What cannot be told
// apart is left as the server prints it (see the README: timestamps lose drizzle's ".000",
// jsonb reorders keys).
class DefaultSpelling
{
public:
    static QString fromServer(const QString &serverText, const Column &column);

    // The type name of a cast or column without modifiers, schema or quotes:
    // "character varying(32)" -> "character varying", "public.\"Mood\"" -> "Mood".
    static QString bareTypeName(const QString &type);
};

} // namespace strata
