#include "ExpressionMatch.h"

#include <QByteArray>

#include <nlohmann/json.hpp>
#include <pg_query.h>

#include <cctype>
#include <set>
#include <string>

// The rules, each found by feeding drizzle-kit's spellings to PostgreSQL 15 and reading them
// back (tests/unit/ExpressionMatchTest.cpp holds the pairs):
//  1. "location" keys go: they are offsets into the text, not meaning.
//  2. A column reference keeps its last name; the qualifiers before it go (all of them, or
//     with a table name given, a qualifier naming that table plus any schema part). drizzle
//     writes `"billing"."invoices"."customer_id"`, the server `customer_id`.
//  3. A TypeCast goes when its argument is a constant, a column reference, or an ARRAY[…] of
//     constants: the server adds `'x'::text`, `(1)::numeric`, `(email)::text`,
//     `(ARRAY['a'::varchar])::text[]` wherever the types need it. Limit: an explicit cast of
//     a column is lost too (`age::int > 5` equals `age > 5`). Casts around anything else stay.
//  4. Constants compare by their text, whatever their kind: `'1'` equals 1, so the server's
//     `'-1'::integer` equals drizzle's -1 once rule 3 drops the cast; 1.0 stays unlike 1.
//  5. BETWEEN becomes `a >= x AND a <= y`, NOT BETWEEN `a < x OR a > y`, SYMMETRIC both
//     orders ORed, as the server prints them. `a IN (x, y)` becomes `a = ANY (ARRAY[x, y])`
//     (NOT IN: `<> ALL`), a one-element IN a plain `=`/`<>`, and elements that hold a column
//     become `OR a = col` terms after the array, as the server's transformAExprIn does.
//  6. LIKE, ILIKE and SIMILAR TO are plain operators (`~~`, `~~*`, `~`) in what the server
//     prints; their A_Expr kinds become AEXPR_OP. (`!=` is already `<>` in the parser.)
//  7. Function, type and operator names lose a leading pg_catalog and are lower-cased;
//     funcformat goes (POSITION(a IN b) vs position(…): the same call either way).
//  8. Nested AND in AND and OR in OR are flattened: the server's parentheses nest them.
//  9. Queries only: an output alias equal to the name PostgreSQL would give the column
//     anyway goes (`users.id AS id`, `AS "?column?"`), and a "public" schema on a table goes.
// 10. A string cast to jsonb compares as parsed JSON (the server reformats it).

namespace strata {
namespace {

using Json = nlohmann::json;

const Json *field(const Json &node, const char *name)
{
    if (!node.is_object())
        return nullptr;
    const auto it = node.find(name);
    return it == node.end() ? nullptr : &*it;
}

// The member `name` of `node`, or null: unlike a const operator[], never asserts.
const Json &at(const Json &node, const char *name)
{
    static const Json none;
    const Json *value = field(node, name);
    return value ? *value : none;
}

// The type of a wrapped node ({"Type": {…}}), or "".
std::string typeOf(const Json &node)
{
    return node.is_object() && node.size() == 1 && node.begin()->is_object() && !node.begin().key().empty()
                   && std::isupper(static_cast<unsigned char>(node.begin().key()[0]))
               ? node.begin().key()
               : std::string();
}

std::string stringOf(const Json &node)
{
    const Json *s = field(node, "String");
    const Json *sval = s ? field(*s, "sval") : nullptr;
    return sval && sval->is_string() ? sval->get<std::string>() : std::string();
}

Json stringNode(const std::string &s)
{
    return Json{{"String", Json{{"sval", s}}}};
}

Json opExpr(const std::string &op, const Json &left, const Json &right, const char *kind = "AEXPR_OP")
{
    return Json{{"A_Expr", Json{{"kind", kind}, {"name", Json::array({stringNode(op)})}, {"lexpr", left}, {"rexpr", right}}}};
}

Json boolExpr(const char *op, Json args)
{
    return Json{{"BoolExpr", Json{{"boolop", op}, {"args", std::move(args)}}}};
}

bool containsColumn(const Json &node)
{
    if (typeOf(node) == "ColumnRef")
        return true;
    if (node.is_structured()) {
        for (const Json &child : node)
            if (containsColumn(child))
                return true;
    }
    return false;
}

// The name PostgreSQL gives an output column without an alias (FigureColname, the common
// cases), from the tree as parsed.
std::string defaultColumnName(const Json &val)
{
    const std::string type = typeOf(val);
    const Json &body = at(val, type.c_str());
    const Json &names = at(body, type == "ColumnRef" ? "fields" : "funcname");
    if ((type == "ColumnRef" || type == "FuncCall") && names.is_array() && !names.empty())
        return stringOf(names.back());
    const Json &typeNames = at(at(body, "typeName"), "names");
    if (type != "TypeCast")
        return "?column?";
    const std::string inner = defaultColumnName(at(body, "arg"));
    return inner == "?column?" && typeNames.is_array() && !typeNames.empty() ? stringOf(typeNames.back()) : inner;
}

class Normaliser
{
public:
    Normaliser(const QByteArray &source, const std::string &table) : m_source(source), m_table(table) {}

    Json node(const Json &in)
    {
        if (in.is_array()) {
            Json out = Json::array();
            for (const Json &item : in)
                out.push_back(node(item));
            return out;
        }
        if (!in.is_object())
            return in;
        const std::string type = typeOf(in);
        if (type == "A_Const")
            return constant(in[type]);
        if (type == "ResTarget")
            return resTarget(in[type]);
        Json out = Json::object();
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.key() == "location" || it.key() == "funcformat")
                continue;
            if (it.key() == "names" || it.key() == "funcname" || (type.empty() && it.key() == "name" && it->is_array()))
                out[it.key()] = qualifiedName(*it);
            else
                out[it.key()] = node(*it);
        }
        if (type == "TypeCast")
            return typeCast(out);
        if (type == "ColumnRef")
            return columnRef(out);
        if (type == "A_Expr")
            return aExpr(out[type]);
        if (type == "BoolExpr")
            return flatten(out);
        if (type == "RangeVar" && out[type].value("schemaname", std::string()) == "public")
            out[type].erase("schemaname");
        return out;
    }

private:
    // Rule 4; libpg_query 15-4.0's JSON drops the value of integers <= 0 ("ival": {}), so an
    // integer's text is read back from the source at its location.
    Json constant(const Json &body)
    {
        std::string text;
        if (const Json *i = field(body, "ival")) {
            const Json *v = field(*i, "ival");
            text = std::to_string(v && v->is_number_integer() ? v->get<long long>() : 0);
            const int start = body.value("location", -1);
            if (start >= 0 && start < m_source.size()) {
                int pos = start, minus = 0;
                while (pos < m_source.size() && QByteArray("-+( \t\r\n").contains(m_source[pos]))
                    minus += m_source[pos++] == '-';
                int end = pos;
                while (end < m_source.size() && std::isdigit(static_cast<unsigned char>(m_source[end])))
                    ++end;
                if (end > pos)
                    text = (minus % 2 ? "-" : "") + std::to_string(m_source.mid(pos, end - pos).toLongLong());
            }
        } else if (const Json *f = field(body, "fval")) {
            text = f->value("fval", std::string());
        } else if (const Json *s = field(body, "sval")) {
            text = s->value("sval", std::string());
        } else if (const Json *b = field(body, "boolval")) {
            text = b->value("boolval", false) ? "true" : "false";
        } else if (const Json *bs = field(body, "bsval")) {
            text = bs->value("bsval", std::string());
        } else if (body.value("isnull", false)) {
            return Json{{"A_Const", Json{{"null", true}}}};
        }
        return Json{{"A_Const", Json{{"text", text}}}};
    }

    // Rule 7.
    static Json qualifiedName(const Json &names)
    {
        Json out = Json::array();
        for (const Json &name : names) {
            std::string s = stringOf(name);
            if (s.empty())
                continue;
            if (out.empty() && s == "pg_catalog" && names.size() > 1)
                continue;
            for (char &c : s)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            out.push_back(stringNode(s));
        }
        return out;
    }

    // Rule 3.
    static Json typeCast(const Json &cast)
    {
        const Json &typeName = at(at(cast, "TypeCast"), "typeName");
        Json arg = at(at(cast, "TypeCast"), "arg");
        const std::string argType = typeOf(arg);
        const Json &names = at(typeName, "names");
        if (argType == "A_Const" && names.is_array() && !names.empty() && stringOf(names.back()) == "jsonb"
            && !field(typeName, "arrayBounds")) {
            // The server stores jsonb parsed: `'{"a":1}'` comes back as `'{"a": 1}'`.
            const Json value = Json::parse(arg["A_Const"].value("text", std::string()), nullptr, false);
            if (!value.is_discarded())
                arg["A_Const"]["text"] = value.dump();
        }
        bool strip = argType == "A_Const" || argType == "ColumnRef";
        if (argType == "A_ArrayExpr") {
            strip = true;
            for (const Json &element : arg["A_ArrayExpr"].value("elements", Json::array()))
                strip = strip && typeOf(element) == "A_Const";
        }
        return strip ? arg : cast;
    }

    // Rule 2.
    Json columnRef(Json ref) const
    {
        Json &fields = ref["ColumnRef"]["fields"];
        if (!fields.is_array() || fields.size() < 2)
            return ref;
        const std::string qualifier = stringOf(fields[fields.size() - 2]);
        Json kept = Json::array();
        if (!m_table.empty() && qualifier != m_table)
            kept.push_back(fields[fields.size() - 2]);
        kept.push_back(fields.back());
        fields = kept;
        return ref;
    }

    // Rules 5 and 6.
    static Json aExpr(const Json &body)
    {
        const std::string kind = body.value("kind", std::string());
        const Json left = body.value("lexpr", Json());
        const Json *right = field(body, "rexpr");
        const Json *items = right ? field(*right, "List") : nullptr;
        const Json list = items ? items->value("items", Json::array()) : Json::array();
        if ((kind == "AEXPR_BETWEEN" || kind == "AEXPR_NOT_BETWEEN") && list.size() == 2) {
            const bool between = kind == "AEXPR_BETWEEN";
            return boolExpr(between ? "AND_EXPR" : "OR_EXPR",
                            Json::array({opExpr(between ? ">=" : "<", left, list[0]),
                                         opExpr(between ? "<=" : ">", left, list[1])}));
        }
        if ((kind == "AEXPR_BETWEEN_SYM" || kind == "AEXPR_NOT_BETWEEN_SYM") && list.size() == 2) {
            // The server writes both orders out (transformAExprBetween).
            const bool between = kind == "AEXPR_BETWEEN_SYM";
            const char *inner = between ? "AND_EXPR" : "OR_EXPR";
            const auto range = [&](const Json &low, const Json &high) {
                return boolExpr(inner, Json::array({opExpr(between ? ">=" : "<", left, low),
                                                    opExpr(between ? "<=" : ">", left, high)}));
            };
            return boolExpr(between ? "OR_EXPR" : "AND_EXPR", Json::array({range(list[0], list[1]), range(list[1], list[0])}));
        }
        if (kind == "AEXPR_IN" && !list.empty()) {
            const Json &name = at(body, "name");
            const std::string op = name.is_array() && !name.empty() ? stringOf(name.back()) : std::string("=");
            Json constants = Json::array();
            for (const Json &item : list) {
                if (!containsColumn(item))
                    constants.push_back(item);
            }
            Json terms = Json::array();
            if (constants.size() > 1)
                terms.push_back(opExpr(op, left, Json{{"A_ArrayExpr", Json{{"elements", constants}}}},
                                       op == "=" ? "AEXPR_OP_ANY" : "AEXPR_OP_ALL"));
            for (const Json &item : list) {
                if (constants.size() <= 1 || containsColumn(item))
                    terms.push_back(opExpr(op, left, item));
            }
            return terms.size() == 1 ? terms[0] : flatten(boolExpr(op == "=" ? "OR_EXPR" : "AND_EXPR", terms));
        }
        Json out = body;
        if (kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE" || kind == "AEXPR_SIMILAR")
            out["kind"] = "AEXPR_OP";
        return Json{{"A_Expr", out}};
    }

    // Rule 8.
    static Json flatten(Json expr)
    {
        Json &body = expr["BoolExpr"];
        const std::string op = body.value("boolop", std::string());
        if (op == "NOT_EXPR")
            return expr;
        Json args = Json::array();
        for (const Json &arg : body.value("args", Json::array())) {
            if (typeOf(arg) == "BoolExpr" && arg["BoolExpr"].value("boolop", std::string()) == op) {
                for (const Json &inner : at(arg["BoolExpr"], "args"))
                    args.push_back(inner);
            } else {
                args.push_back(arg);
            }
        }
        body["args"] = args;
        return expr;
    }

    // Rule 9.
    Json resTarget(const Json &body)
    {
        Json out = Json::object();
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() != "location")
                out[it.key()] = node(*it);
        }
        // A view keeps the name PostgreSQL gave each column when it was created: "?column?" for
        // drizzle's `SELECT '1'`, printed back as `SELECT '1'::text AS "?column?"`.
        const std::string name = body.value("name", std::string());
        if (body.contains("val") && (name == "?column?" || name == defaultColumnName(body["val"])))
            out.erase("name");
        return Json{{"ResTarget", out}};
    }

    QByteArray m_source;
    std::string m_table;
};

// The RawStmt's "stmt" of `sql` when it is exactly one statement, else a discarded value.
Json parseOne(const QByteArray &sql)
{
    if (sql.contains('\0'))
        return Json(Json::value_t::discarded);
    PgQueryParseResult parsed = pg_query_parse(sql.constData());
    Json stmt(Json::value_t::discarded);
    if (!parsed.error) {
        const Json tree = Json::parse(parsed.parse_tree, nullptr, false);
        const Json &stmts = at(tree, "stmts");
        if (stmts.is_array() && stmts.size() == 1 && field(stmts[0], "stmt"))
            stmt = stmts[0]["stmt"];
    }
    pg_query_free_parse_result(parsed);
    return stmt;
}

} // namespace

QString ExpressionMatch::canonical(const QString &text, const QString &tableName)
{
    // The newline ends a trailing -- comment before anything could follow it.
    const QByteArray sql = "SELECT " + text.toUtf8() + "\n";
    const Json stmt = parseOne(sql);
    const Json *select = field(stmt, "SelectStmt");
    if (!select)
        return {};
    // Only `SELECT <one expression>`: a text like `1 FROM t` or `a, b` is not one expression.
    static const std::set<std::string> plain{"targetList", "limitOption", "op"};
    for (auto it = select->begin(); it != select->end(); ++it) {
        if (!plain.count(it.key()))
            return {};
    }
    const Json &targets = at(*select, "targetList");
    const Json &target = targets.is_array() && targets.size() == 1 ? at(targets[0], "ResTarget") : Json();
    if (field(target, "name") || !field(target, "val"))
        return {};
    Normaliser normaliser(sql, tableName.toStdString());
    return QString::fromStdString(normaliser.node(at(target, "val")).dump());
}

bool ExpressionMatch::same(const QString &a, const QString &b, const QString &tableName)
{
    if (a == b)
        return true;
    const QString left = canonical(a, tableName);
    return !left.isEmpty() && left == canonical(b, tableName);
}

QString ExpressionMatch::canonicalQuery(const QString &text)
{
    const QByteArray sql = text.toUtf8() + "\n";
    const Json stmt = parseOne(sql);
    if (stmt.is_discarded() || !field(stmt, "SelectStmt"))
        return {};
    return QString::fromStdString(Normaliser(sql, {}).node(stmt).dump());
}

bool ExpressionMatch::sameQuery(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    const QString left = canonicalQuery(a);
    return !left.isEmpty() && left == canonicalQuery(b);
}

} // namespace strata
