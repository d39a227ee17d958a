#include "SnapshotLink.h"

#include "NodeUtf8.h"
#include "Tr.h"
#include "text/StatementSplitter.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <string>

namespace strata {

namespace {

// Keeps the wanted top-level keys and stops as soon as it has them all (drizzle-kit writes
// id and prevId first; snapshots upgraded by `drizzle-kit up` have them after the tables, and
// then the whole file is scanned, still without building anything).
class LinkReader : public nlohmann::json_sax<nlohmann::json>
{
public:
    explicit LinkReader(SnapshotLink *link) : m_link(link) {}

    bool complete = false;
    std::size_t errorByte = 0;
    std::string errorMessage;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool string(string_t &text) override
    {
        if (m_depth == 2 && m_inPrevIds) {
            m_link->prevIds.append(QString::fromStdString(text));
            return true;
        }
        if (m_depth == 1) {
            const QString value = QString::fromStdString(text);
            if (m_key == "id") {
                m_link->id = value;
                m_seenId = true;
            } else if (m_key == "prevId") {
                m_link->prevIds = {value};
                m_seenPrev = true;
            } else if (m_key == "version") {
                m_link->version = value;
                m_seenVersion = true;
            } else if (m_key == "dialect") {
                m_link->dialect = value;
                m_seenDialect = true;
            }
        }
        return keepGoing();
    }
    bool start_object(std::size_t) override
    {
        ++m_depth;
        return true;
    }
    bool end_object() override
    {
        --m_depth;
        return keepGoing();
    }
    bool start_array(std::size_t) override
    {
        ++m_depth;
        if (m_depth == 2 && m_key == "prevIds") {
            m_inPrevIds = true;
            m_link->prevIds.clear();
        }
        return true;
    }
    bool end_array() override
    {
        if (m_depth == 2 && m_inPrevIds) {
            m_inPrevIds = false;
            m_seenPrev = true;
        }
        --m_depth;
        return keepGoing();
    }
    bool key(string_t &name) override
    {
        if (m_depth == 1)
            m_key = name;
        return true;
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error) override
    {
        errorByte = position;
        errorMessage = error.what();
        return false;
    }

private:
    bool value() { return keepGoing(); }
    // false stops the parser: everything wanted is known.
    bool keepGoing()
    {
        if (m_depth == 1 && m_seenId && m_seenPrev && m_seenVersion && m_seenDialect) {
            complete = true;
            return false;
        }
        return true;
    }

    SnapshotLink *m_link;
    int m_depth = 0;
    std::string m_key;
    bool m_inPrevIds = false;
    bool m_seenId = false;
    bool m_seenPrev = false;
    bool m_seenVersion = false;
    bool m_seenDialect = false;
};

} // namespace

QString SnapshotLink::originId()
{
    return QStringLiteral("00000000-0000-0000-0000-000000000000");
}

SnapshotLink SnapshotLink::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

SnapshotLink SnapshotLink::parse(const QByteArray &json)
{
    SnapshotLink link;
    link.exists = true;
    LinkReader reader(&link);
    const bool finished = nlohmann::json::sax_parse(json.constBegin(), json.constEnd(), &reader);
    if (!finished && !reader.complete) {
        if (!reader.errorMessage.empty()) {
            const TextPosition at = StatementSplitter::positionAtByte(NodeUtf8::decode(json).text,
                                                                      qsizetype(reader.errorByte) - 1);
            const auto column = reader.errorMessage.find("column");
            const auto colon = column == std::string::npos ? std::string::npos
                                                           : reader.errorMessage.find(": ", column);
            link.error = Tr::tr("not valid JSON: %1")
                             .arg(QString::fromStdString(colon == std::string::npos
                                                             ? reader.errorMessage
                                                             : reader.errorMessage.substr(colon + 2)));
            link.errorLine = at.line;
            link.errorColumn = at.column;
        } else {
            link.error = Tr::tr("not valid JSON");
        }
    }
    return link;
}

} // namespace strata
