// SnapshotReader's dealings with the JSON text itself: parsing it, and finding the line and
// column of a path in it for error messages.

#include "SnapshotReaderParts.h"

#include "SnapshotWriter.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <vector>

namespace strata {

using namespace SnapshotReaderParts;

namespace {

qsizetype depthExceededAt(const QByteArray &json, int limit)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char ch = json.at(i);
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
        } else if (ch == '"') {
            inString = true;
        } else if (ch == '{' || ch == '[') {
            if (++depth > limit)
                return i;
        } else if (ch == '}' || ch == ']') {
            --depth;
        }
    }
    return -1;
}

// An input iterator over the bytes that tells how far nlohmann's lexer has read: the only
// position the SAX interface offers.
class CountingIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    CountingIterator(const char *position, const char **cursor) : m_position(position), m_cursor(cursor) {}
    reference operator*() const { return *m_position; }
    CountingIterator &operator++()
    {
        ++m_position;
        *m_cursor = m_position;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const CountingIterator &other) const { return m_position == other.m_position; }
    bool operator!=(const CountingIterator &other) const { return m_position != other.m_position; }

private:
    const char *m_position;
    const char **m_cursor;
};

// Follows the SAX events to the value or key at a path and notes where its token starts.
// The lexer has read just past the token when an event arrives (one byte further for
// numbers, whose end it only sees at the next byte), so the start is found by looking back.
class Locator : public nlohmann::json_sax<Json>
{
public:
    Locator(const char *begin, const char *const *cursor, const Path &target,
            SnapshotReader::Target kind)
        : m_begin(begin), m_cursor(cursor), m_target(target), m_kind(kind)
    {}

    qsizetype found = -1;

    bool null() override { return scalar(Token::Literal, 4); }
    bool boolean(bool value) override { return scalar(Token::Literal, value ? 4 : 5); }
    bool number_integer(number_integer_t) override { return scalar(Token::Number, 0); }
    bool number_unsigned(number_unsigned_t) override { return scalar(Token::Number, 0); }
    bool number_float(number_float_t, const string_t &) override { return scalar(Token::Number, 0); }
    bool string(string_t &) override { return scalar(Token::String, 0); }
    bool binary(binary_t &) override { return scalar(Token::Literal, 0); }
    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t &key) override
    {
        m_frames.back().key = key;
        if (m_kind == SnapshotReader::Target::Key && matches()) {
            found = stringStart();
            return false;
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    enum class Token { Literal, Number, String, Bracket };
    struct Frame {
        bool isArray = false;
        std::string key;
        int index = 0;
    };

    bool matches() const
    {
        if (m_frames.size() != m_target.size())
            return false;
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            const Frame &frame = m_frames[i];
            const SnapshotReader::Step &step = m_target[i];
            if (frame.isArray ? step.index != frame.index : (step.index >= 0 || step.key != frame.key))
                return false;
        }
        return true;
    }

    bool atValue(Token token, int length)
    {
        if (m_kind != SnapshotReader::Target::Value || !matches())
            return true;
        const char *end = *m_cursor;
        switch (token) {
        case Token::Literal:
            found = qsizetype(end - m_begin) - length;
            break;
        case Token::Bracket:
            found = qsizetype(end - m_begin) - 1;
            break;
        case Token::String:
            found = stringStart();
            break;
        case Token::Number: {
            const auto isNumberChar = [](char ch) {
                return (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-';
            };
            const char *p = end - 1;
            if (p > m_begin && !isNumberChar(*p))
                --p;
            while (p > m_begin && isNumberChar(p[-1]))
                --p;
            found = qsizetype(p - m_begin);
            break;
        }
        }
        return false;
    }

    // The opening quote of the string that ends just before the cursor: the first quote
    // further back that an even number of backslashes precedes.
    qsizetype stringStart() const
    {
        const char *p = *m_cursor - 2;
        while (p >= m_begin) {
            if (*p == '"') {
                int backslashes = 0;
                for (const char *q = p - 1; q >= m_begin && *q == '\\'; --q)
                    ++backslashes;
                if (backslashes % 2 == 0)
                    return qsizetype(p - m_begin);
            }
            --p;
        }
        return 0;
    }

    bool scalar(Token token, int length)
    {
        if (!atValue(token, length))
            return false;
        advance();
        return true;
    }

    bool open(bool isArray)
    {
        if (!atValue(Token::Bracket, 1))
            return false;
        m_frames.push_back({isArray, std::string(), 0});
        return true;
    }

    bool close()
    {
        m_frames.pop_back();
        advance();
        return true;
    }

    void advance()
    {
        if (!m_frames.empty() && m_frames.back().isArray)
            ++m_frames.back().index;
    }

    const char *m_begin;
    const char *const *m_cursor;
    Path m_target;
    SnapshotReader::Target m_kind;
    std::vector<Frame> m_frames;
};

// nlohmann's DOM building, but each object's members are collected in a vector of movable
// pairs first and put into the object once, at its end: nlohmann's ordered_map keeps
// pair<const string, json>, which a growing vector cannot move, so growing it member by
// member deep-copies everything added so far (quadratic on a long history's snapshots).
class DomBuilder : public nlohmann::json_sax<Json>
{
public:
    explicit DomBuilder(Json *root) : m_root(root) {}

    std::size_t errorByte = 0;
    std::string errorMessage;

    bool null() override { return add(Json()); }
    bool boolean(bool value) override { return add(Json(value)); }
    bool number_integer(number_integer_t value) override { return add(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return add(Json(value)); }
    bool number_float(number_float_t value, const string_t &) override { return add(Json(value)); }
    bool string(string_t &value) override { return add(Json(std::move(value))); }
    bool binary(binary_t &) override { return add(Json()); }
    bool start_object(std::size_t) override
    {
        m_frames.push_back(Frame{false, {}, {}, Json()});
        return true;
    }
    bool key(string_t &key) override
    {
        m_frames.back().key = std::move(key);
        return true;
    }
    bool end_object() override
    {
        Frame frame = std::move(m_frames.back());
        m_frames.pop_back();
        Json object = Json::object();
        object.get_ref<Json::object_t &>().reserve(frame.members.size());
        // operator[] keeps a repeated key's first place and last value, as JSON.parse does.
        for (auto &[key, value] : frame.members)
            object[key] = std::move(value);
        return add(std::move(object));
    }
    bool start_array(std::size_t) override
    {
        m_frames.push_back(Frame{true, {}, {}, Json::array()});
        return true;
    }
    bool end_array() override
    {
        Json array = std::move(m_frames.back().array);
        m_frames.pop_back();
        return add(std::move(array));
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error) override
    {
        errorByte = position;
        errorMessage = error.what();
        return false;
    }

private:
    struct Frame {
        bool isArray = false;
        std::string key;
        std::vector<std::pair<std::string, Json>> members;
        Json array;
    };

    bool add(Json value)
    {
        if (m_frames.empty())
            *m_root = std::move(value);
        else if (m_frames.back().isArray)
            m_frames.back().array.push_back(std::move(value));
        else
            m_frames.back().members.emplace_back(std::move(m_frames.back().key), std::move(value));
        return true;
    }

    Json *m_root;
    std::vector<Frame> m_frames;
};

bool isIdentifier(const std::string &key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    return identifier.match(qs(key)).hasMatch();
}

} // namespace

bool SnapshotReader::parse(const QByteArray &json, Json *root, qsizetype *errorOffset, QString *errorDetail)
{
    DomBuilder builder(root);
    bool parsed = false;
    try {
        parsed = Json::sax_parse(json.constData(), json.constData() + json.size(), &builder);
    } catch (const Json::exception &error) {
        builder.errorMessage = error.what();  // e.g. a number too large for a double
    }
    if (!parsed) {
        QString detail = QString::fromUtf8(builder.errorMessage);
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error …"
        static const QRegularExpression prefix(QStringLiteral(
            "^\\[json\\.exception\\.[^\\]]*\\] (?:parse error(?: at line \\d+, column \\d+)?: )?"));
        detail.remove(prefix);
        if (errorDetail)
            *errorDetail = detail;
        if (errorOffset)
            *errorOffset = builder.errorByte > 0 ? qsizetype(builder.errorByte) - 1 : -1;
        return false;
    }
    return true;
}

QString SnapshotReader::pathText(const Path &path)
{
    QString text;
    for (const Step &step : path) {
        if (step.index >= 0) {
            text += QStringLiteral("[%1]").arg(step.index);
        } else if (isIdentifier(step.key)) {
            if (!text.isEmpty())
                text += QLatin1Char('.');
            text += qs(step.key);
        } else {
            text += QLatin1Char('[') + qs(SnapshotWriter::compact(Json(step.key))) + QLatin1Char(']');
        }
    }
    return text;
}

qsizetype SnapshotReader::locate(const QByteArray &json, const Path &path, Target target)
{
    const char *begin = json.constData();
    const char *cursor = begin;
    Locator locator(begin, &cursor, path, target);
    try {
        Json::sax_parse(CountingIterator(begin, &cursor), CountingIterator(begin + json.size(), &cursor),
                        &locator);
    } catch (const Json::exception &) {
        // A syntax error past the place sought changes nothing; before it, nothing was found.
    }
    return locator.found;
}

qsizetype SnapshotReader::tooDeepAt(const QByteArray &json)
{
    return depthExceededAt(json, maxDepth);
}

void SnapshotReader::lineColumn(const QByteArray &json, qsizetype offset, int *line, int *column)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    int lines = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++lines;
            lineStart = i + 1;
        }
    }
    int characters = 0;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(json.at(i)) & 0xC0) != 0x80)  // not a continuation byte
            ++characters;
    }
    *line = lines;
    *column = characters + 1;
}

} // namespace strata
