#include "DefaultSpelling.h"

#include "Column.h"

#include <QStringList>

namespace strata {
namespace {

bool isNumberText(const QString &text)
{
    if (text.isEmpty())
        return false;
    bool digit = false;
    for (const QChar ch : text) {
        if (ch.isDigit())
            digit = true;
        else if (ch != QLatin1Char('-') && ch != QLatin1Char('+') && ch != QLatin1Char('.')
                 && ch != QLatin1Char('e') && ch != QLatin1Char('E'))
            return false;
    }
    return digit;
}

bool isJsNumberType(const QString &bareType)
{
    return bareType == QLatin1String("smallint") || bareType == QLatin1String("integer")
           || bareType == QLatin1String("bigint") || bareType == QLatin1String("real")
           || bareType == QLatin1String("double precision");
}

// Splits "'it''s'::text" into the literal's value ("it's") and the cast ("text"). Fails on
// anything that is more than one literal with one cast ("'a'::text || 'b'::text").
bool splitCastLiteral(const QString &text, QString *value, QString *cast)
{
    if (!text.startsWith(QLatin1Char('\'')))
        return false;
    QString literal;
    qsizetype i = 1;
    for (;; ++i) {
        if (i >= text.size())
            return false;
        if (text.at(i) != QLatin1Char('\'')) {
            literal += text.at(i);
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\'')) {
            literal += QLatin1Char('\'');
            ++i;
            continue;
        }
        break;
    }
    const QString rest = text.mid(i + 1);
    if (!rest.startsWith(QLatin1String("::")))
        return false;
    const QString type = rest.mid(2);
    // A quoted name may hold anything ("it's", "a-b"); outside quotes only a type's spelling.
    bool quoted = false;
    for (const QChar ch : type) {
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && !ch.isLetterOrNumber() && !QStringLiteral("_ .()[],").contains(ch))
            return false;
    }
    *value = literal;
    *cast = type;
    return !type.isEmpty();
}

QString quoteLiteral(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// JSON text with the whitespace between tokens removed, as JSON.stringify spaces it; jsonb's
// output puts a space after every ':' and ','.
QString compactJson(const QString &json)
{
    QString out;
    bool inString = false;
    bool escaped = false;
    for (const QChar ch : json) {
        if (inString) {
            out += ch;
            if (escaped)
                escaped = false;
            else if (ch == QLatin1Char('\\'))
                escaped = true;
            else if (ch == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (ch == QLatin1Char('"'))
            inString = true;
        if (!ch.isSpace())
            out += ch;
    }
    return out;
}

// An array value as PostgreSQL prints it ("{a,\"b c\",NULL}", nested "{{1,2},{3,4}}"),
// spelled again the way drizzle's buildArrayString spells it: numbers and booleans bare,
// everything else in double quotes (with '"' and '\' escaped, which drizzle forgets).
class ArraySpeller
{
public:
    ArraySpeller(const QString &text, const QString &elementType)
        : m_text(text), m_elementType(elementType)
    {
    }

    bool spell(QString *out)
    {
        if (!array(out))
            return false;
        return m_pos == m_text.size();
    }

private:
    bool array(QString *out)
    {
        if (!take(QLatin1Char('{')))
            return false;
        *out += QLatin1Char('{');
        if (take(QLatin1Char('}'))) {
            *out += QLatin1Char('}');
            return true;
        }
        for (;;) {
            if (peek() == QLatin1Char('{')) {
                if (!array(out))
                    return false;
            } else {
                bool quoted = false;
                QString value;
                if (!element(&value, &quoted))
                    return false;
                *out += spellElement(value, quoted);
            }
            if (take(QLatin1Char('}'))) {
                *out += QLatin1Char('}');
                return true;
            }
            if (!take(QLatin1Char(',')))
                return false;
            *out += QLatin1Char(',');
        }
    }

    bool element(QString *value, bool *quoted)
    {
        if (take(QLatin1Char('"'))) {
            *quoted = true;
            while (m_pos < m_text.size()) {
                QChar ch = m_text.at(m_pos++);
                if (ch == QLatin1Char('"'))
                    return true;
                if (ch == QLatin1Char('\\')) {
                    if (m_pos >= m_text.size())
                        return false;
                    ch = m_text.at(m_pos++);
                }
                *value += ch;
            }
            return false;
        }
        while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char(',')
               && m_text.at(m_pos) != QLatin1Char('}'))
            *value += m_text.at(m_pos++);
        return !value->isEmpty();
    }

    QString spellElement(QString value, bool quoted) const
    {
        if (!quoted && value == QLatin1String("NULL"))
            return value;
        if (m_elementType == QLatin1String("boolean")) {
            if (value == QLatin1String("t"))
                return QStringLiteral("true");
            if (value == QLatin1String("f"))
                return QStringLiteral("false");
        }
        if (isJsNumberType(m_elementType) && isNumberText(value))
            return value;
        if (m_elementType == QLatin1String("jsonb"))
            value = compactJson(value);
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        value.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }

    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }
    bool take(QChar ch)
    {
        if (peek() != ch)
            return false;
        ++m_pos;
        return true;
    }

    const QString &m_text;
    const QString m_elementType;
    qsizetype m_pos = 0;
};

// nextval('seq'::regclass) -> nextval('seq'): the schema.ts says sql`nextval('seq')`, and in a
// default the text is turned into the sequence's regclass when the default is set either way.
QString withoutRegclass(const QString &text)
{
    static const QLatin1String head("nextval('");
    static const QLatin1String tail("'::regclass)");
    if (!text.startsWith(head) || !text.endsWith(tail) || text.size() <= head.size() + tail.size())
        return text;
    const QString name = text.mid(head.size(), text.size() - head.size() - tail.size());
    if (name.count(QLatin1Char('\'')) != 2 * name.count(QStringLiteral("''")))
        return text;  // more than one literal
    return head + name + QStringLiteral("')");
}

} // namespace

QString DefaultSpelling::bareTypeName(const QString &type)
{
    QString name;
    QString part;
    bool quoted = false;
    bool partQuoted = false;  // a quoted name keeps its spaces and tabs as they are
    int depth = 0;
    for (qsizetype i = 0; i < type.size(); ++i) {
        const QChar ch = type.at(i);
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < type.size() && type.at(i + 1) == QLatin1Char('"')) {
                    part += ch;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                part += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
            partQuoted = true;
        } else if (ch == QLatin1Char('(')) {
            ++depth;
        } else if (ch == QLatin1Char(')')) {
            --depth;
        } else if (depth > 0 || ch == QLatin1Char('[') || ch == QLatin1Char(']')) {
            continue;
        } else if (ch == QLatin1Char('.')) {
            part.clear();  // drop the schema
            partQuoted = false;
        } else {
            part += ch;
        }
    }
    name = partQuoted ? part : part.simplified();
    if (name == QLatin1String("bpchar"))
        return QStringLiteral("character");
    return name;
}

QString DefaultSpelling::fromServer(const QString &serverText, const Column &column)
{
    // A user-defined type's name is bare already, and may hold what bareTypeName() would
    // read as syntax ("dot.ted", "a(b)").
    const QString columnType = column.typeSchema.isEmpty() ? bareTypeName(column.type) : column.type;
    QString value;
    QString cast;
    if (!splitCastLiteral(serverText, &value, &cast)) {
        if (columnType == QLatin1String("numeric") && column.arrayDimensions == 0 && isNumberText(serverText))
            return quoteLiteral(serverText);
        return withoutRegclass(serverText);
    }
    // A cast names an array type once, whatever its dimensions: '{{1,2}}'::integer[].
    const bool castIsArray = cast.endsWith(QLatin1String("[]"));
    // DEFAULT -1 on a bigint column is an integer constant PostgreSQL widens on assignment.
    const bool numberCast = column.arrayDimensions == 0 && !castIsArray && isNumberText(value)
                            && (isJsNumberType(bareTypeName(cast)) || bareTypeName(cast) == QLatin1String("numeric"));
    if (numberCast && isJsNumberType(columnType))
        return value;
    if (numberCast && columnType == QLatin1String("numeric"))
        return quoteLiteral(value);
    if (bareTypeName(cast) != columnType || castIsArray != (column.arrayDimensions > 0))
        return serverText;

    if (column.arrayDimensions > 0) {
        QString spelled;
        if (!ArraySpeller(value, columnType).spell(&spelled))
            return serverText;
        return quoteLiteral(spelled);
    }
    if (columnType == QLatin1String("jsonb"))
        return quoteLiteral(compactJson(value)) + QStringLiteral("::jsonb");
    if (columnType == QLatin1String("json"))
        return serverText;
    if (isJsNumberType(columnType) && isNumberText(value))
        return value;
    return quoteLiteral(value);
}

} // namespace strata
