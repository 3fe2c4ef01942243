'use strict';

var os = require('os');
var crypto = require('crypto');
var fs = require('fs');
var node_os = require('node:os');
var node_path = require('node:path');
var node_fs = require('node:fs');
var promises = require('node:timers/promises');
var node_crypto = require('node:crypto');

function _interopNamespaceDefault(e) {
    var n = Object.create(null);
    if (e) {
        Object.keys(e).forEach(function (k) {
            if (k !== 'default') {
                var d = Object.getOwnPropertyDescriptor(e, k);
                Object.defineProperty(n, k, d.get ? d : {
                    enumerable: true,
                    get: function () { return e[k]; }
                });
            }
        });
    }
    n.default = e;
    return Object.freeze(n);
}

var os__namespace = /*#__PURE__*/_interopNamespaceDefault(os);
var crypto__namespace = /*#__PURE__*/_interopNamespaceDefault(crypto);
var fs__namespace = /*#__PURE__*/_interopNamespaceDefault(fs);

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__namespace.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs__namespace.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs__namespace.appendFileSync(filePath, `${toCommandValue(message)}${os__namespace.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto__namespace.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os__namespace.EOL}${convertedValue}${os__namespace.EOL}${delimiter}`;
}

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = fs.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter$1(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs.constants.R_OK | fs.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter$1(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter$1(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os.platform();
os.arch();

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os__namespace.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os__namespace.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}

/**
 * An error the user can act on: `message` is one line naming the input, file, version or object at
 * fault. `file`/`line` place the annotation. Anything else reaching main.ts is a bug or an I/O failure.
 */
class RollbackError extends Error {
    file;
    line;
    /** The request or COMMIT got no answer: what it would have changed may or may not have happened. */
    outcomeUnknown;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'RollbackError';
        this.file = options.file;
        this.line = options.line;
        this.outcomeUnknown = options.outcomeUnknown ?? false;
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

// JSON read and written back without losing a number: JSON.parse turns 12345678901234567890 into
// 12345678901234567000. The catalog state is one document shared with the Hasura CLI and other tools;
// what we write back must keep every value we do not own exactly as it was.
/** A JSON number as written. */
class JsonNumber {
    raw;
    constructor(raw) {
        this.raw = raw;
    }
}
/** Parses JSON text; numbers become JsonNumber. Throws SyntaxError on invalid JSON. */
function parseLossless(text) {
    const parser = new Parser(text);
    const value = parser.value();
    parser.end();
    return value;
}
/**
 * JSON text of a value from parseLossless, or of any value JSON.stringify takes (every request body
 * goes through here), written as JSON.stringify writes it, with each JsonNumber as written.
 */
function stringifyLossless(value) {
    return write(value, '') ?? 'null';
}
/** JSON.stringify's rules: toJSON first; undefined, functions and symbols are left out of objects, null in arrays. */
function write(input, key) {
    const value = hasToJson(input) ? input.toJSON(key) : input;
    if (value instanceof JsonNumber)
        return value.raw;
    if (Array.isArray(value))
        return `[${value.map((v, i) => write(v, String(i)) ?? 'null').join(',')}]`;
    const boxed = value instanceof Number || value instanceof String || value instanceof Boolean;
    if (value !== null && typeof value === 'object' && !boxed) {
        const entries = [];
        for (const [k, v] of Object.entries(value)) {
            const text = write(v, k);
            if (text !== undefined)
                entries.push(`${JSON.stringify(k)}:${text}`);
        }
        return `{${entries.join(',')}}`;
    }
    return JSON.stringify(value);
}
function hasToJson(value) {
    return (value !== null &&
        typeof value === 'object' &&
        typeof value.toJSON === 'function');
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- a JSON string holds no raw control character
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SPACE = /[ \t\n\r]*/y;
class Parser {
    text;
    at = 0;
    constructor(text) {
        this.text = text;
    }
    value() {
        this.skip();
        const c = this.text[this.at];
        if (c === '{')
            return this.object();
        if (c === '[')
            return this.array();
        if (c === '"')
            return this.string();
        for (const [word, value] of [
            ['true', true],
            ['false', false],
            ['null', null],
        ]) {
            if (this.text.startsWith(word, this.at)) {
                this.at += word.length;
                return value;
            }
        }
        return new JsonNumber(this.match(NUMBER, 'a value'));
    }
    end() {
        this.skip();
        if (this.at !== this.text.length)
            this.fail('the end of the text');
    }
    object() {
        // No prototype: a key named __proto__ is a key like any other.
        const result = Object.create(null);
        this.at++;
        this.skip();
        if (this.eat('}'))
            return result;
        do {
            this.skip();
            const key = this.string();
            this.skip();
            if (!this.eat(':'))
                this.fail("':'");
            result[key] = this.value();
            this.skip();
        } while (this.eat(','));
        if (!this.eat('}'))
            this.fail("',' or '}'");
        return result;
    }
    array() {
        const result = [];
        this.at++;
        this.skip();
        if (this.eat(']'))
            return result;
        do {
            result.push(this.value());
            this.skip();
        } while (this.eat(','));
        if (!this.eat(']'))
            this.fail("',' or ']'");
        return result;
    }
    string() {
        return JSON.parse(this.match(STRING, 'a string'));
    }
    match(pattern, what) {
        pattern.lastIndex = this.at;
        const found = pattern.exec(this.text);
        if (!found || found[0] === '')
            this.fail(what);
        this.at += found[0].length;
        return found[0];
    }
    eat(char) {
        if (this.text[this.at] !== char)
            return false;
        this.at++;
        return true;
    }
    skip() {
        SPACE.lastIndex = this.at;
        this.at += SPACE.exec(this.text)[0].length;
    }
    fail(expected) {
        throw new SyntaxError(`expected ${expected} at position ${this.at} of the JSON text`);
    }
}

// Which forward proxy a request goes through, by the rules of @actions/http-client (its proxy.ts), so the
// Hasura admin API is reached the way the runner and the GitHub API calls reach their hosts:
// https_proxy / HTTPS_PROXY for https URLs, http_proxy / HTTP_PROXY for http URLs (lower case first),
// no_proxy / NO_PROXY to bypass, and loopback hosts never proxied.
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** The proxy for `target`; undefined: go direct. A setting that is no http(s) URL is refused, naming it. */
function proxyFor(target, env) {
    if (bypassesProxy(target, env))
        return undefined;
    const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    const name = names.find((n) => env[n]);
    if (name === undefined)
        return undefined;
    const proxy = parseProxyUrl(env[name] ?? '');
    if (!proxy || (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || !proxy.hostname) {
        const shown = proxy?.hostname ? shownProxy(proxy) : 'its value';
        throw new RollbackError(`${name} (${shown}) is not an http:// or https:// proxy URL: set it to http://host:port, or list ${target.hostname} in NO_PROXY`);
    }
    return proxy;
}
/**
 * A proxy setting as a URL. `proxy.corp:3128` (no scheme) means http://proxy.corp:3128: @actions/http-client
 * would read `proxy.corp:` as a scheme and go direct without a word.
 */
function parseProxyUrl(value) {
    const text = value.trim();
    try {
        return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    }
    catch {
        return undefined;
    }
}
/** The proxy URL as it may be shown: no user name, no password. */
function shownProxy(proxy) {
    return `${proxy.protocol}//${proxy.host}`;
}
/** The headers of a request sent to `proxy` for `host`: Host, and Proxy-Authorization when it has credentials. */
function proxyHeaders(proxy, host) {
    const authorization = proxyAuthorization(proxy);
    return { Host: host, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) };
}
/** The `Proxy-Authorization` value for a proxy URL with credentials, else undefined. */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return undefined;
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
/** Every form in which a proxy password could be printed (as written and decoded), for masking. */
function proxySecrets(env) {
    const secrets = new Set();
    for (const name of PROXY_VARIABLES) {
        const proxy = env[name] ? parseProxyUrl(env[name]) : undefined;
        if (!proxy?.password)
            continue;
        secrets.add(proxy.password);
        secrets.add(decodeURIComponent(proxy.password));
        const authorization = proxyAuthorization(proxy);
        if (authorization)
            secrets.add(authorization.slice('Basic '.length));
    }
    return [...secrets];
}
/**
 * @actions/http-client's checkBypass: loopback hosts always; then each no_proxy entry (case-insensitive)
 * matches the host, the host:port, or a parent domain of either (`example.com` and `.example.com` both
 * match `api.example.com`); `*` matches every host.
 */
function bypassesProxy(target, env) {
    const host = target.hostname.toUpperCase();
    if (!host)
        return false;
    if (isLoopback(host))
        return true;
    const noProxy = env['no_proxy'] || env['NO_PROXY'] || '';
    const port = target.port ? Number(target.port) : defaultPort(target.protocol);
    const hosts = port === undefined ? [host] : [host, `${host}:${port}`];
    return noProxy
        .split(',')
        .map((entry) => entry.trim().toUpperCase())
        .filter((entry) => entry !== '')
        .some((entry) => entry === '*' ||
        hosts.some((h) => h === entry || h.endsWith(`.${entry}`) || (entry.startsWith('.') && h.endsWith(entry))));
}
function isLoopback(upperHost) {
    return (upperHost === 'LOCALHOST' ||
        upperHost.startsWith('127.') ||
        upperHost.startsWith('[::1]') ||
        upperHost.startsWith('[0:0:0:0:0:0:0:1]'));
}
function defaultPort(protocol) {
    if (protocol === 'http:')
        return 80;
    if (protocol === 'https:')
        return 443;
    return undefined;
}

/** Error codes after which the request certainly never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** The exchange failed without an HTTP answer. */
class NetworkError extends Error {
    code;
    sent;
    tls;
    constructor(message, 
    /** ECONNREFUSED, ENOTFOUND, a TLS code, 'ETIMEDOUT' for our own timeout, … */
    code, 
    /** False when the server cannot have seen the request (nothing to undo, safe to retry). */
    sent, tls, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
        this.sent = sent;
        this.tls = tls;
        this.name = 'NetworkError';
        this.proxy = options?.proxy === undefined ? undefined : shownProxy(options.proxy);
    }
    /** The proxy the request went through, without credentials; undefined when it went direct. */
    proxy;
}
const TIMEOUT_CODE = 'ETIMEDOUT';
/** The proxy answered CONNECT with something other than 2xx: nothing reached the host. */
const PROXY_REFUSED_CODE = 'ERR_PROXY_CONNECT';
/** A certificate or handshake failure (Node's and OpenSSL's codes). */
function isTlsCode(code) {
    return (code !== undefined &&
        (code.startsWith('ERR_TLS') ||
            code.startsWith('ERR_SSL') ||
            /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)));
}
/**
 * TLS settings for one endpoint. `extraCa` (PEM) is trusted besides Node's own CAs (its bundled roots,
 * NODE_EXTRA_CA_CERTS), never instead of them: a `ca` option alone would replace them. Built once per
 * endpoint: a context with ~150 CAs takes ~30 ms to build.
 */
async function tlsOptions(extraCa, rejectUnauthorized) {
    if (extraCa === undefined)
        return { rejectUnauthorized };
    const tls = await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:tls')); });
    return { secureContext: tls.createSecureContext({ ca: [...nodeCas(tls), extraCa] }), rejectUnauthorized };
}
function nodeCas(tls) {
    // Node 22.15+ and 23.10+ give the store Node itself uses (roots, NODE_EXTRA_CA_CERTS, --use-system-ca).
    const { getCACertificates } = tls;
    if (getCACertificates)
        return getCACertificates('default');
    const extraFile = process.env.NODE_EXTRA_CA_CERTS;
    let extra = [];
    try {
        if (extraFile)
            extra = [node_fs.readFileSync(extraFile, 'utf8')];
    }
    catch {
        // Node warned about an unreadable NODE_EXTRA_CA_CERTS at start and goes on without it; so do we.
    }
    return [...tls.rootCertificates, ...extra];
}
async function sendHttp(req, tls) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), req.timeoutMs);
    // The socket is connected (and TLS verified) once this is set: from then on the server may act.
    const progress = { connected: false };
    try {
        const route = await routeOf(req, tls, controller.signal);
        return await exchange(req, route, progress, controller.signal);
    }
    catch (error) {
        if (controller.signal.aborted) {
            const message = `no answer within ${req.timeoutMs} ms`;
            throw new NetworkError(message, TIMEOUT_CODE, progress.connected, false, { proxy: req.proxy });
        }
        if (error instanceof NetworkError)
            throw error;
        const code = codeOf(error);
        const tlsFailure = isTlsCode(code);
        const sent = progress.connected && !tlsFailure && !NOT_SENT_CODES.has(code ?? '');
        const message = error instanceof Error ? error.message : String(error);
        throw new NetworkError(message, code, sent, tlsFailure, { cause: error, proxy: req.proxy });
    }
    finally {
        clearTimeout(timer);
    }
}
async function routeOf(req, tls, signal) {
    // Loaded on first use: node:https brings TLS (~7 ms of every start), and a database-url run sends none.
    const https = req.url.protocol === 'https:';
    const tlsConnect = https
        ? {
            rejectUnauthorized: tls.rejectUnauthorized,
            ...(tls.secureContext ? { secureContext: tls.secureContext, agent: false } : {}),
        }
        : {};
    if (!req.proxy) {
        const { request } = https ? await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:https')); }) : await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:http')); });
        return { request, url: req.url, options: tlsConnect, tunnelled: false };
    }
    if (https) {
        const socket = await tunnel(req.proxy, req.url, tls, signal);
        const { request } = await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:https')); });
        return { request, url: req.url, options: { createConnection: () => socket }, tunnelled: true };
    }
    // An http URL goes to the proxy in absolute form; the proxy's own certificate (an https proxy) is
    // checked against Node's CAs, as @actions/http-client does.
    const { request } = req.proxy.protocol === 'https:' ? await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:https')); }) : await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:http')); });
    return {
        request,
        url: new URL(req.proxy.origin),
        options: { path: req.url.href },
        headers: proxyHeaders(req.proxy, req.url.host),
        tunnelled: false,
    };
}
function exchange(req, route, progress, signal) {
    return new Promise((resolve, reject) => {
        const headers = { ...req.headers, ...route.headers };
        if (req.body !== undefined)
            headers['Content-Length'] = String(Buffer.byteLength(req.body));
        const options = { ...route.options, method: req.method, headers, signal };
        const outgoing = route.request(route.url, options, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('close', () => {
                if (!res.complete)
                    reject(Object.assign(new Error('connection closed mid-answer'), { code: 'ECONNRESET' }));
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        });
        outgoing.on('socket', (socket) => {
            // A kept-alive socket is connected already: from here on, count the request as possibly sent.
            if (route.tunnelled || !socket.connecting)
                progress.connected = true;
            else
                socket.once(secureOrPlainConnect(route), () => (progress.connected = true));
        });
        outgoing.on('error', reject);
        outgoing.end(req.body);
    });
}
function secureOrPlainConnect(route) {
    return route.url.protocol === 'https:' ? 'secureConnect' : 'connect';
}
/** A TLS connection to `target` inside a CONNECT tunnel through `proxy`, verified as a direct one is. */
async function tunnel(proxy, target, tls, signal) {
    const authority = `${target.hostname}:${target.port || '443'}`;
    const { request } = proxy.protocol === 'https:' ? await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:https')); }) : await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:http')); });
    const headers = proxyHeaders(proxy, authority);
    const raw = await new Promise((resolve, reject) => {
        const connect = request(new URL(proxy.origin), {
            method: 'CONNECT',
            path: authority,
            headers,
            agent: false,
            signal,
        });
        // Node hands every answer to CONNECT, 2xx or not, to 'connect' with the raw socket.
        connect.once('connect', (res, socket) => {
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300)
                return resolve(socket);
            socket.destroy();
            const answer = `${res.statusCode ?? '?'} ${res.statusMessage ?? ''}`.trim();
            const hint = res.statusCode === 407 ? ': check the user and password in the proxy URL' : '';
            const message = `proxy ${shownProxy(proxy)} answered CONNECT ${authority} with HTTP ${answer}${hint}`;
            reject(new NetworkError(message, PROXY_REFUSED_CODE, false, false, { proxy }));
        });
        connect.once('error', reject);
        connect.end();
    });
    const { connect } = await Promise.resolve().then(function () { return /*#__PURE__*/_interopNamespaceDefault(require('node:tls')); });
    if (signal.aborted) {
        raw.destroy();
        throw signal.reason;
    }
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    return new Promise((resolve, reject) => {
        const secure = connect({
            socket: raw,
            host,
            // SNI takes host names only.
            ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
            rejectUnauthorized: tls.rejectUnauthorized,
            ...(tls.secureContext ? { secureContext: tls.secureContext } : {}),
        });
        const abort = () => secure.destroy(signal.reason instanceof Error ? signal.reason : undefined);
        signal.addEventListener('abort', abort, { once: true });
        secure.once('secureConnect', () => {
            signal.removeEventListener('abort', abort);
            resolve(secure);
        });
        secure.once('error', (error) => {
            signal.removeEventListener('abort', abort);
            raw.destroy();
            reject(error);
        });
    });
}
function codeOf(error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
}

// Narrowing for values parsed from JSON or YAML, whose shape is not known until checked.
/** A plain object (a JSON object or YAML mapping): not null, not a list. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Hasura admin API answers that are not successes, turned into one line each: the request Hasura
// refused, or the exchange that got no answer — and whether it may still have been carried out.
const SECRET_SOURCES = `input 'admin-secret', HASURA_GRAPHQL_ADMIN_SECRET, the project's .env or admin_secret in config.yaml`;
/** A request Hasura refused or that got no answer; `status` is undefined without an HTTP answer. */
class HasuraApiError extends RollbackError {
    status;
    code;
    path;
    internal;
    /** False when the request certainly had no effect; true when it may have run (e.g. timed out). */
    mayHaveRun;
    constructor(message, details, cause) {
        super(message, { cause, outcomeUnknown: details.mayHaveRun });
        this.name = 'HasuraApiError';
        this.status = details.status;
        this.code = details.code;
        this.path = details.path;
        this.internal = details.internal;
        this.mayHaveRun = details.mayHaveRun;
    }
    /** The Postgres error of a `postgres-error` answer, else undefined. */
    get postgresError() {
        return this.code === 'postgres-error' ? parsePostgresError(this.internal) : undefined;
    }
}
function parsePostgresError(internal) {
    const error = internal?.error;
    if (typeof error?.message !== 'string')
        return undefined;
    const text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
    return {
        message: error.message,
        statusCode: text(error.status_code),
        description: text(error.description),
        hint: text(error.hint),
    };
}
function networkFailure(error, where, endpoint, timeoutMs, redact) {
    const mayHaveRun = error.sent && where.startsWith('POST');
    let what;
    if (error.code === TIMEOUT_CODE) {
        what = `no answer to ${where} within ${timeoutMs / 1000} s`;
        if (mayHaveRun)
            what += '; the server may still complete the request';
    }
    else if (error.tls) {
        what = `TLS failed on ${where}: ${error.message} (${error.code}); set certificate_authority or insecure_skip_tls_verify in config.yaml if the certificate is expected`;
    }
    else if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
        // Through a proxy, only the proxy's host is looked up here.
        const host = new URL(error.proxy ?? endpoint).hostname;
        what = `host ${host} not found (DNS ${error.code}) on ${where}`;
    }
    else if (error.code === 'ECONNREFUSED') {
        what = `connection refused (ECONNREFUSED) on ${where}`;
    }
    else {
        what = `${where} failed: ${error.message}${error.code ? ` (${error.code})` : ''}`;
        if (mayHaveRun)
            what += '; the connection broke after the request was sent, so it may have run';
    }
    const message = `Cannot reach Hasura at ${endpoint}${error.proxy ? ` through proxy ${error.proxy}` : ''}: ${what}`;
    return new HasuraApiError(redact(message), { mayHaveRun }, error);
}
const STATUS_HINTS = {
    404: ': check the endpoint and api_paths in config.yaml',
    407: ': the proxy wants credentials; check the user and password in HTTP_PROXY',
};
function parseResponse(response, context) {
    const { where, shownEndpoint, redact } = context;
    let body;
    try {
        body = context.parse(response.text);
    }
    catch {
        body = undefined;
    }
    if (response.status >= 200 && response.status < 300) {
        if (body === undefined) {
            throw new HasuraApiError(`Hasura at ${shownEndpoint} answered ${where} with HTTP ${response.status} but no JSON: is this a Hasura endpoint?`, { status: response.status, mayHaveRun: true });
        }
        return body;
    }
    const parsed = isRecord(body) ? body : {};
    const code = typeof parsed.code === 'string' ? parsed.code : undefined;
    const path = typeof parsed.path === 'string' ? parsed.path : undefined;
    const error = typeof parsed.error === 'string' ? parsed.error : response.text.trim().slice(0, 200);
    // A 5xx that is not Hasura's own {code, error} answer comes from a proxy or load balancer (502/503/504
    // on a slow request): Hasura may still carry the request out.
    const fromProxy = response.status >= 500 && code === undefined;
    const details = {
        status: response.status,
        code,
        path,
        internal: parsed.internal,
        mayHaveRun: fromProxy && context.changesState,
    };
    const make = (message) => new HasuraApiError(redact(message), details);
    if (response.status === 401 || code === 'access-denied') {
        throw context.hasSecret
            ? make(`Hasura at ${shownEndpoint} refused the admin secret (${error}): check ${SECRET_SOURCES}`)
            : make(`Hasura at ${shownEndpoint} requires an admin secret and none was given: set ${SECRET_SOURCES}`);
    }
    const codeText = code ? ` (${code})` : '';
    if (response.status >= 500) {
        throw make(`Hasura at ${shownEndpoint} answered ${where} with HTTP ${response.status}: ${error}${codeText}`);
    }
    if (code === 'postgres-error') {
        const pg = parsePostgresError(parsed.internal);
        const sqlState = pg?.statusCode ? ` (SQLSTATE ${pg.statusCode})` : '';
        throw make(`Postgres failed the SQL sent to ${shownEndpoint}: ${pg?.message ?? error}${sqlState}`);
    }
    const hint = STATUS_HINTS[response.status] ?? '';
    const at = path ? ` at ${path}` : '';
    throw make(`Hasura at ${shownEndpoint} rejected ${where} with HTTP ${response.status}${codeText}${at}: ${error}${hint}`);
}

// Hasura admin API client: server generation from /v1/version, run_sql on the generation's SQL endpoint,
// metadata calls on its metadata endpoint, errors turned into one line. The admin secret goes into one
// request header and nowhere else: never a message, never a log line.
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRY_DELAYS_MS = [500, 2000];
function createHasuraClient(config, options = {}) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const send = options.send ?? sendHttp;
    const log = options.log ?? (() => { });
    const shownEndpoint = withoutCredentials(config.endpoint);
    const secret = config.adminSecret;
    const redact = (text) => (secret ? text.replaceAll(secret, '***') : text);
    let requestCount = 0;
    let tls;
    let version;
    const headers = { 'Content-Type': 'application/json' };
    if (secret)
        headers['X-Hasura-Admin-Secret'] = secret;
    async function call(c) {
        const url = joinApiPath(config.endpoint, c.apiPath);
        const where = `${c.method} ${c.apiPath} (${c.what})`;
        // Values read losslessly (the catalog state) go back digit for digit.
        const body = c.body === undefined ? undefined : stringifyLossless(c.body);
        const tlsSettings = await (tls ??= loadTls(config, options.projectDir));
        const proxy = options.proxy?.(url);
        for (let attempt = 0;; attempt++) {
            const started = Date.now();
            let response;
            try {
                requestCount++;
                response = await send({ method: c.method, url, headers, body, timeoutMs, proxy }, tlsSettings);
            }
            catch (error) {
                if (!(error instanceof NetworkError))
                    throw error;
                if (attempt < retryDelays.length && mayRetry(error, c.idempotent)) {
                    log(`${where}: ${error.code ?? error.message}; retrying`);
                    await promises.setTimeout(retryDelays[attempt] ?? 0);
                    continue;
                }
                throw networkFailure(error, where, shownEndpoint, timeoutMs, redact);
            }
            log(`${where} → HTTP ${response.status} in ${Date.now() - started} ms`);
            if (c.idempotent && response.status >= 500 && attempt < retryDelays.length) {
                await promises.setTimeout(retryDelays[attempt] ?? 0);
                continue;
            }
            return parseResponse(response, {
                where,
                shownEndpoint,
                hasSecret: Boolean(secret),
                redact,
                changesState: !c.idempotent,
                parse: c.parse ?? JSON.parse,
            });
        }
    }
    function serverVersion() {
        version ??= call({
            method: 'GET',
            apiPath: config.apiPaths.version,
            what: 'server version',
            idempotent: true,
        }).then((answer) => {
            if (typeof answer?.version !== 'string') {
                throw new HasuraApiError(`Hasura at ${shownEndpoint} answered GET ${config.apiPaths.version} without a version: is this a Hasura endpoint (api_paths.version in config.yaml)?`, { status: 200, mayHaveRun: false });
            }
            return { version: answer.version, generation: generationOf(answer.version) };
        });
        // A failed attempt is not cached: a later call asks again.
        version.catch(() => (version = undefined));
        return version;
    }
    async function runSql(sql, sqlOptions = {}) {
        const { generation } = await serverVersion();
        const args = { sql, check_metadata_consistency: false };
        // read_only and source are v2.x arguments; v1.x servers always run read-write on their one database.
        if (sqlOptions.readOnly && generation === 'v2')
            args.read_only = true;
        if (sqlOptions.source !== undefined && generation === 'v2')
            args.source = sqlOptions.source;
        const answer = await call({
            method: 'POST',
            apiPath: generation === 'v2' ? config.apiPaths.v2Query : config.apiPaths.query,
            what: 'run_sql',
            body: { type: 'run_sql', args },
            idempotent: false,
        });
        return toSqlResult(answer, shownEndpoint);
    }
    async function metadata(body, metadataOptions = {}) {
        const { generation } = await serverVersion();
        return call({
            method: 'POST',
            apiPath: generation === 'v2' ? config.apiPaths.v1Metadata : config.apiPaths.query,
            what: body.type,
            body,
            idempotent: false,
            parse: metadataOptions.lossless ? parseLossless : undefined,
        });
    }
    return {
        endpoint: shownEndpoint,
        serverVersion,
        runSql,
        metadata,
        get requestCount() {
            return requestCount;
        },
    };
}
/** Keeps the endpoint's path prefix: https://h/hasura + v1/query → https://h/hasura/v1/query. */
function joinApiPath(endpoint, apiPath) {
    const url = new URL(endpoint);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${apiPath.replace(/^\/+/, '')}`;
    return url;
}
function generationOf(version) {
    const major = /^v?(\d+)\./.exec(version)?.[1];
    // Only 1.x is the old API; 2.x and unknown builds (dev tags) take the v2 endpoints.
    return major === '1' ? 'v1' : 'v2';
}
function withoutCredentials(endpoint) {
    try {
        const url = new URL(endpoint);
        url.username = '';
        url.password = '';
        return url.toString().replace(/\/+$/, '');
    }
    catch {
        return endpoint;
    }
}
function mayRetry(error, idempotent) {
    const permanent = [TIMEOUT_CODE, 'ENOTFOUND', PROXY_REFUSED_CODE];
    if (error.tls || permanent.includes(error.code ?? ''))
        return false;
    return idempotent || !error.sent;
}
async function loadTls(config, projectDir) {
    const rejectUnauthorized = !config.insecureSkipTlsVerify;
    if (!config.certificateAuthority)
        return tlsOptions(undefined, rejectUnauthorized);
    const path = node_path.isAbsolute(config.certificateAuthority)
        ? config.certificateAuthority
        : node_path.resolve(projectDir ?? '.', config.certificateAuthority);
    let ca;
    try {
        ca = node_fs.readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new RollbackError(`certificate_authority '${config.certificateAuthority}' cannot be read: ${errorMessage(error)}`, { file: config.configFile, cause: error });
    }
    return tlsOptions(ca, rejectUnauthorized);
}
function toSqlResult(answer, endpoint) {
    if (answer?.result_type === 'CommandOk')
        return { resultType: 'CommandOk', header: [], rows: [] };
    const table = answer?.result;
    if (answer?.result_type === 'TuplesOk' && Array.isArray(table) && table.every(Array.isArray)) {
        const [header = [], ...rows] = table.map((row) => row.map(String));
        return { resultType: 'TuplesOk', header, rows };
    }
    throw new HasuraApiError(`Hasura at ${endpoint} answered run_sql with an unexpected result shape`, {
        status: 200,
        mayHaveRun: true,
    });
}

// The only module that knows the action's input names. Turns raw inputs into a frozen, typed request;
// every refusal is one line naming the input at fault.
/** The `database-name` value that means every database. */
const ALL_DATABASES = 'all';
/** The `ref` value that means "the head commit of this workflow's last successful run". */
const LAST_SUCCESSFUL_RUN = 'last-successful-run';
/** A uint64 written in decimal, as Hasura migration versions are; returned in canonical form. */
function parseVersion$1(raw, what) {
    if (!/^\d+$/.test(raw))
        throw new RollbackError(`${what} must be a migration version (digits only), got '${raw}'`);
    const value = BigInt(raw);
    if (value > 0xffffffffffffffffn)
        throw new RollbackError(`${what} '${raw}' is larger than a 64-bit version`);
    return value.toString();
}
function parseBoolean(raw, name) {
    // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new RollbackError(`Input '${name}' must be true or false, got '${raw}'`);
}
function parseCount(raw) {
    if (raw.toLowerCase() === 'all')
        return 'all';
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
        throw new RollbackError(`Input 'count' must be a positive integer or 'all', got '${raw}'`);
    }
    return Number(raw);
}
/** Node's timers hold at most 2^31 - 1 ms (~24.8 days); a day is far beyond any useful wait. */
const MAX_HTTP_TIMEOUT_SECONDS = 86_400;
function parseHttpTimeout(raw) {
    const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(seconds > 0) || seconds > MAX_HTTP_TIMEOUT_SECONDS) {
        throw new RollbackError(`Input 'http-timeout' must be a positive number of seconds (at most ${MAX_HTTP_TIMEOUT_SECONDS}), got '${raw}'`);
    }
    return seconds;
}
/** A workflow file name (deploy.yml) or a numeric workflow id, as the Actions API takes them. */
function parseWorkflow(raw, ref) {
    if (raw === '')
        return '';
    if (ref !== LAST_SUCCESSFUL_RUN) {
        throw new RollbackError(`Input 'workflow' is only used with 'ref: last-successful-run'${ref ? `, not with ref '${ref}'` : ''}: remove it, or set 'ref: last-successful-run'`);
    }
    if (/^\d+$/.test(raw) || /^[^/\\]+\.ya?ml$/.test(raw))
        return raw;
    const fileName = /[/\\]([^/\\]+\.ya?ml)$/.exec(raw)?.[1];
    throw new RollbackError(fileName
        ? `Input 'workflow' takes the workflow's file name, not its path: use '${fileName}' instead of '${raw}'`
        : `Input 'workflow' must be a workflow file name such as deploy.yml, or a workflow id, got '${raw}'`);
}
/** Postgres' lock_timeout takes at most INT_MAX milliseconds (about 24.8 days); a day is plenty. */
const MAX_LOCK_TIMEOUT_SECONDS = 86_400;
function parseLockTimeout(raw) {
    if (!/^\d+(\.\d+)?$/.test(raw)) {
        throw new RollbackError(`Input 'lock-timeout' must be a number of seconds, got '${raw}'`);
    }
    if (Number(raw) > MAX_LOCK_TIMEOUT_SECONDS) {
        throw new RollbackError(`Input 'lock-timeout' must be at most ${MAX_LOCK_TIMEOUT_SECONDS} seconds, got '${raw}'`);
    }
    return Number(raw);
}
function parseProjectDir(projectDir, workspace) {
    const inside = node_path.relative(workspace, node_path.resolve(workspace, projectDir));
    if (inside.startsWith('..') || node_path.isAbsolute(inside)) {
        throw new RollbackError(`Input 'project-dir' ('${projectDir}') points outside the workspace ${workspace}`);
    }
    return projectDir;
}
/** '' (the input's default), `all`, or one database; `all` goes with `count` (or a ref) only. */
function parseDatabaseName(raw, selector) {
    if (raw.toLowerCase() === 'all' && (selector?.kind === 'version' || selector?.kind === 'to-version')) {
        throw new RollbackError(`Input 'database-name: all' reverts a count of versions in every database; '${selector.kind}' names a version of one database: set 'database-name' to that database`);
    }
    return raw.toLowerCase() === 'all' ? ALL_DATABASES : raw;
}
function parseDataLoss$1(raw) {
    if (raw === 'warn' || raw === 'refuse')
        return raw;
    throw new RollbackError(`Input 'data-loss' must be 'warn' or 'refuse', got '${raw}'`);
}
function parseSelector(read) {
    const given = ['version', 'count', 'to-version'].filter((name) => read(name) !== '');
    if (given.length > 1) {
        throw new RollbackError(`Inputs ${given.map((n) => `'${n}'`).join(' and ')} exclude each other: set only one`);
    }
    switch (given[0]) {
        case 'version':
            return { kind: 'version', version: parseVersion$1(read('version'), "Input 'version'") };
        case 'count':
            return { kind: 'count', count: parseCount(read('count')) };
        case 'to-version':
            return { kind: 'to-version', version: parseVersion$1(read('to-version'), "Input 'to-version'") };
        default:
            return undefined;
    }
}
/**
 * `read` returns an input's value as the runner passes it ('' when unset); values are trimmed here.
 * `workspace` comes from GITHUB_WORKSPACE (or the working directory) and is resolved by the caller.
 */
function parseInputs(read, workspace) {
    const get = (name) => read(name).trim();
    const selector = parseSelector(get);
    const ref = get('ref');
    const applyMetadata = parseBoolean(get('apply-metadata') || 'true', 'apply-metadata');
    if (!selector && !ref) {
        throw new RollbackError("Nothing selected: set one of 'version', 'count', 'to-version', or a stable 'ref'");
    }
    if (applyMetadata && !ref) {
        throw new RollbackError("Input 'apply-metadata' is true but no 'ref' names the stable commit whose metadata to apply: set 'ref', or 'apply-metadata: false' to revert the schema only");
    }
    if (ref === LAST_SUCCESSFUL_RUN && !get('github-token')) {
        throw new RollbackError("'ref: last-successful-run' needs input 'github-token' (default: ${{ github.token }})");
    }
    return Object.freeze({
        workspace,
        projectDir: parseProjectDir(get('project-dir') || '.', workspace),
        endpoint: get('endpoint'),
        adminSecret: get('admin-secret'),
        databaseUrl: get('database-url'),
        selector,
        databaseName: parseDatabaseName(get('database-name'), selector),
        ref,
        applyMetadata,
        dryRun: parseBoolean(get('dry-run') || 'false', 'dry-run'),
        allowDirty: parseBoolean(get('allow-dirty') || 'false', 'allow-dirty'),
        dataLoss: parseDataLoss$1(get('data-loss') || 'warn'),
        lockTimeoutSeconds: parseLockTimeout(get('lock-timeout') || '60'),
        httpTimeoutSeconds: parseHttpTimeout(get('http-timeout') || '60'),
        githubToken: get('github-token'),
        workflow: parseWorkflow(get('workflow'), ref),
    });
}

// Read-only view of a project's files, so the same loaders work on the workspace and on a git
// commit (the stable ref) without checking anything out.
const MiB = 1024 * 1024;
// Far above any real project, far below what breaks us: a down.sql is sent whole (one query, or JSON
// inside one run_sql body: up to twice its size again), and data-migration downs with large INSERTs
// exist, so SQL gets 64 MiB. YAML, .env and SDL are parsed into trees many times their text size and
// the largest real metadata directories are a few MiB, so 16 MiB. Both stay far below V8's ~512 MiB
// string limit, which would otherwise fail with an unhelpful "Invalid string length".
const DEFAULT_FILE_SIZE_LIMITS = Object.freeze({ sql: 64 * MiB, other: 16 * MiB });
/** Throws when `size` exceeds the limit for `path`'s kind: one line naming the file, its size and the limit. */
function checkFileSize(path, size, where) {
    const sql = path.toLowerCase().endsWith('.sql');
    const limit = sql ? where.limits.sql : where.limits.other;
    if (size <= limit)
        return;
    throw new RollbackError(`${path} (${where.origin}) is ${formatSize(size)}${size >= 1024 ? ` (${size} bytes)` : ''}, over the ${formatSize(limit)} limit for ${sql ? 'SQL' : 'YAML, GraphQL and .env'} files: refused without reading it`, { file: where.file });
}
function formatSize(bytes) {
    if (bytes >= MiB)
        return `${+(bytes / MiB).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${+(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}
/** Files of a project directory on disk. Symlinks are not followed (see issue: hardening). */
function workspaceFiles(projectDir, limits = DEFAULT_FILE_SIZE_LIMITS) {
    return {
        origin: 'workspace',
        async listFiles(dir) {
            const root = node_path.join(projectDir, dir);
            const found = [];
            // Synchronous on purpose: one awaited readdir per folder made 10,000 migration folders take
            // ~0.9 s, a concurrent walk ~0.4 s (promises and GC), this ~0.2 s. Not readdir's `recursive`
            // option: Node 24 follows directory symlinks with it.
            function walk(abs, rel) {
                let entries;
                try {
                    entries = node_fs.readdirSync(abs, { withFileTypes: true });
                }
                catch (error) {
                    if (isNotFound(error))
                        return;
                    throw error;
                }
                for (const entry of entries) {
                    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
                    if (entry.isDirectory())
                        walk(node_path.join(abs, entry.name), path);
                    else if (entry.isFile())
                        found.push(path);
                }
            }
            walk(root, node_path.relative(projectDir, root).split(node_path.sep).join('/'));
            return found.sort();
        },
        async readText(path) {
            const abs = node_path.join(projectDir, path);
            // Synchronous on purpose, like listFiles: the files are small and many (1,000 downs), and a
            // promise round trip per file cost several times the read itself.
            try {
                const stats = node_fs.lstatSync(abs);
                if (!stats.isFile())
                    return undefined;
                checkFileSize(path, stats.size, { origin: 'workspace', limits, file: path });
                return node_fs.readFileSync(abs, 'utf8');
            }
            catch (error) {
                if (isNotFound(error))
                    return undefined;
                throw error;
            }
        },
    };
}
function isNotFound(error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}

// A PostgreSQL tokenizer just deep enough to find statement boundaries and leading keywords. It follows
// the rules of the server's scan.l and psql's psqlscan.l (PostgreSQL docs, "Lexical Structure"), with
// standard_conforming_strings on (the default since 9.1): plain '…' strings have no backslash escapes.
// Offsets are UTF-16 indexes into the scanned string (what String#slice takes); lines are 1-based and
// end at '\n', so a CRLF file counts each line once.
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
// [ \t\n\r\f] as in scan.l, plus \v which PostgreSQL 16 added (and downVerdict already skips).
function isSpace(code) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}
function isHorizontalSpace(code) {
    return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c;
}
function isNewline(code) {
    return code === NEWLINE || code === CARRIAGE_RETURN;
}
function isDigit(code) {
    return code >= 0x30 && code <= 0x39;
}
// ident_start: [A-Za-z\200-\377_] — the server sees UTF-8 bytes, so every non-ASCII character qualifies.
function isIdentifierStart(code) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code >= 0x80;
}
function isTagChar(code) {
    return isIdentifierStart(code) || isDigit(code);
}
function singleCharKind(code) {
    switch (code) {
        case 0x3b:
            return ';';
        case 0x28:
            return '(';
        case 0x29:
            return ')';
        case 0x2c:
            return ',';
        case 0x2e:
            return '.';
        default:
            return 'other';
    }
}
/** Every token of `sql` (comments included, whitespace left out), in order; never throws. */
function tokenize(sql) {
    const tokens = [];
    const length = sql.length;
    let line = 1;
    let counted = 0;
    // Line of the character at `index`; indexes only grow, so the whole text is walked once.
    const lineAt = (index) => {
        for (; counted < index; counted++)
            if (sql.charCodeAt(counted) === NEWLINE)
                line++;
        return line;
    };
    const push = (kind, start, end, unterminated = false) => {
        const startLine = lineAt(start);
        tokens.push({ kind, start, end, line: startLine, endLine: lineAt(end - 1), unterminated });
    };
    let i = 0;
    while (i < length) {
        const code = sql.charCodeAt(i);
        const next = sql.charCodeAt(i + 1);
        if (isSpace(code)) {
            i++;
        }
        else if (code === 0x2d && next === 0x2d) {
            const end = endOfLine(sql, i + 2);
            push('line-comment', i, end);
            i = end;
        }
        else if (code === 0x2f && next === 0x2a) {
            const end = endOfBlockComment(sql, i + 2);
            push('block-comment', i, end < 0 ? length : end, end < 0);
            i = end < 0 ? length : end;
        }
        else if (code === SINGLE_QUOTE) {
            i = pushString(sql, i, i + 1, false, push);
        }
        else if (code === DOUBLE_QUOTE) {
            i = pushQuotedIdentifier(sql, i, i + 1, push);
        }
        else if (code === DOLLAR) {
            i = pushDollar(sql, i, push);
        }
        else if (isIdentifierStart(code)) {
            i = pushWordOrPrefixedQuote(sql, i, push);
        }
        else if (isDigit(code)) {
            let end = i + 1;
            while (end < length && (isTagChar(sql.charCodeAt(end)) || sql.charCodeAt(end) === 0x2e))
                end++;
            push('other', i, end);
            i = end;
        }
        else {
            push(singleCharKind(code), i, i + 1);
            i++;
        }
    }
    return tokens;
}
function endOfLine(sql, from) {
    let i = from;
    while (i < sql.length && !isNewline(sql.charCodeAt(i)))
        i++;
    return i;
}
// Block comments nest; returns the index after the closing "*/", or -1 when the text ends first.
function endOfBlockComment(sql, from) {
    let depth = 1;
    let i = from;
    while (i < sql.length) {
        if (sql.startsWith('/*', i)) {
            depth++;
            i += 2;
        }
        else if (sql.startsWith('*/', i)) {
            depth--;
            i += 2;
            if (depth === 0)
                return i;
        }
        else {
            i++;
        }
    }
    return -1;
}
// A literal's body from `bodyStart`; '' is a quote inside it, and in E'…' strings (`backslashes`) a
// backslash escapes the next character. Returns the index after the closing quote or -1.
function endOfQuoted(sql, bodyStart, backslashes) {
    let i = bodyStart;
    while (i < sql.length) {
        const code = sql.charCodeAt(i);
        if (backslashes && code === BACKSLASH) {
            i += 2;
        }
        else if (code === SINGLE_QUOTE) {
            if (sql.charCodeAt(i + 1) !== SINGLE_QUOTE)
                return i + 1;
            i += 2;
        }
        else {
            i++;
        }
    }
    return -1;
}
// 'a' <whitespace holding a newline> 'b' is one literal (scan.l {quotecontinue}). It only changes the
// lexing of E'…' strings, whose continuation keeps backslash escapes. Returns the index after the
// continuation's opening quote, or -1.
function continuationAfter(sql, from) {
    let i = from;
    for (;;) {
        if (isHorizontalSpace(sql.charCodeAt(i)))
            i++;
        else if (sql.startsWith('--', i))
            i = endOfLine(sql, i + 2);
        else
            break;
    }
    if (!isNewline(sql.charCodeAt(i)))
        return -1;
    for (;;) {
        if (isSpace(sql.charCodeAt(i)))
            i++;
        else if (sql.startsWith('--', i)) {
            i = endOfLine(sql, i + 2);
            if (i >= sql.length)
                return -1;
        }
        else
            break;
    }
    return sql.charCodeAt(i) === SINGLE_QUOTE ? i + 1 : -1;
}
function pushString(sql, start, bodyStart, backslashes, push) {
    let end = endOfQuoted(sql, bodyStart, backslashes);
    while (backslashes && end >= 0) {
        const continued = continuationAfter(sql, end);
        if (continued < 0)
            break;
        end = endOfQuoted(sql, continued, true);
    }
    if (end < 0) {
        push('string', start, sql.length, true);
        return sql.length;
    }
    push('string', start, end);
    return end;
}
function pushQuotedIdentifier(sql, start, bodyStart, push) {
    let i = bodyStart;
    for (;;) {
        const quote = sql.indexOf('"', i);
        if (quote < 0) {
            push('quoted-identifier', start, sql.length, true);
            return sql.length;
        }
        if (sql.charCodeAt(quote + 1) !== DOUBLE_QUOTE) {
            push('quoted-identifier', start, quote + 1);
            return quote + 1;
        }
        i = quote + 2;
    }
}
// "$$" or "$tag$" opens a dollar-quoted string that ends at the first identical delimiter; "$1" is a
// parameter; a lone '$' is just a character (the server then rejects it).
function pushDollar(sql, start, push) {
    let i = start + 1;
    if (isDigit(sql.charCodeAt(i))) {
        while (isDigit(sql.charCodeAt(i)))
            i++;
        push('other', start, i);
        return i;
    }
    if (isIdentifierStart(sql.charCodeAt(i))) {
        while (isTagChar(sql.charCodeAt(i)))
            i++;
    }
    if (sql.charCodeAt(i) !== DOLLAR) {
        push('other', start, start + 1);
        return start + 1;
    }
    const delimiter = sql.slice(start, i + 1);
    const close = sql.indexOf(delimiter, i + 1);
    if (close < 0) {
        push('dollar-string', start, sql.length, true);
        return sql.length;
    }
    push('dollar-string', start, close + delimiter.length);
    return close + delimiter.length;
}
// An identifier runs over letters, digits, '_', '$' and non-ASCII characters, so "a$$b" is one word and
// not a dollar quote. A single E, B, X, N right before a quote, or U& before a quote, prefixes a literal.
function pushWordOrPrefixedQuote(sql, start, push) {
    const first = sql[start]?.toLowerCase();
    const next = sql.charCodeAt(start + 1);
    if (next === SINGLE_QUOTE && (first === 'e' || first === 'b' || first === 'x' || first === 'n')) {
        return pushString(sql, start, start + 2, first === 'e', push);
    }
    if (first === 'u' && sql[start + 1] === '&') {
        const quote = sql.charCodeAt(start + 2);
        if (quote === SINGLE_QUOTE)
            return pushString(sql, start, start + 3, false, push);
        if (quote === DOUBLE_QUOTE)
            return pushQuotedIdentifier(sql, start, start + 3, push);
    }
    let i = start + 1;
    while (i < sql.length && (isTagChar(sql.charCodeAt(i)) || sql.charCodeAt(i) === DOLLAR))
        i++;
    push('word', start, i);
    return i;
}

// Statement boundaries as psql finds them (src/fe_utils/psqlscan.l): a ';' ends a statement when it is
// a token of its own (not in a quote, comment or dollar quote), outside parentheses, and outside the
// BEGIN … END body of a CREATE [OR REPLACE] FUNCTION/PROCEDURE (SQL-standard bodies, PostgreSQL 14+).
const isComment = (token) => token.kind === 'line-comment' || token.kind === 'block-comment';
/**
 * The statements of `sql`, by psql's rules; text with only comments, blanks and ';' yields none.
 * A down is scanned once, when it is read (project/migrations.ts), and its scan kept with it.
 */
function scanStatements(sql) {
    const tokens = tokenize(sql);
    const statements = [];
    let first = -1;
    let last = -1;
    let parenDepth = 0;
    let beginDepth = 0;
    // psql remembers the first letter of the first four words when they are CREATE, OR, REPLACE,
    // FUNCTION or PROCEDURE, to tell a routine definition from a transaction's BEGIN.
    let words = 0;
    const leading = ['', '', '', ''];
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        if (token.kind === ';' && parenDepth === 0 && beginDepth === 0) {
            if (first >= 0)
                statements.push({ first, last });
            first = -1;
            words = 0;
            continue;
        }
        if (isComment(token)) {
            if (first >= 0)
                last = index;
            continue;
        }
        if (first < 0)
            first = index;
        last = index;
        if (token.kind === '(')
            parenDepth++;
        else if (token.kind === ')')
            parenDepth = Math.max(0, parenDepth - 1);
        else if (token.kind === 'word') {
            // Only words of 2 to 9 letters can be one psql looks for; skip slicing the others.
            const length = token.end - token.start;
            const word = length >= 2 && length <= 9 ? sql.slice(token.start, token.end).toLowerCase() : '';
            if (words === 0)
                leading.fill('');
            if (words < leading.length && ROUTINE_WORDS.has(word))
                leading[words] = word[0] ?? '';
            words++;
            if (parenDepth === 0 && definesRoutine(leading)) {
                if (word === 'begin')
                    beginDepth++;
                else if (word === 'case' && beginDepth > 0)
                    beginDepth++;
                else if (word === 'end' && beginDepth > 0)
                    beginDepth--;
            }
        }
    }
    if (first >= 0)
        statements.push({ first, last });
    return { text: sql, tokens, statements, openAtEnd: first >= 0, openBeginDepth: beginDepth };
}
const ROUTINE_WORDS = new Set(['create', 'function', 'procedure', 'or', 'replace']);
// CREATE FUNCTION, CREATE PROCEDURE, CREATE OR REPLACE FUNCTION, CREATE OR REPLACE PROCEDURE.
function definesRoutine([a, b, c, d]) {
    return a === 'c' && (b === 'f' || b === 'p' || (b === 'o' && c === 'r' && (d === 'f' || d === 'p')));
}

// Most statements start with none of these: the others are skipped without slicing their text.
const LEADING_WORDS = ['drop', 'truncate', 'alter', 'delete', 'with'];
/** The statements of a script that drop tables, schemas or columns, truncate, or delete without WHERE. */
function destructiveStatements(scan) {
    const { text: sql, tokens, statements } = scan;
    const found = [];
    for (const { first, last } of statements) {
        // A statement starts with a word (comments are outside it): most start with none of these.
        if (!LEADING_WORDS.some((word) => isWord(sql, tokens[first], word)))
            continue;
        const range = tokens.slice(first, last + 1);
        const words = range.some(isComment) ? range.filter((token) => !isComment(token)) : range;
        const line = words[0]?.line ?? 1;
        const reader = new Reader(sql, words);
        for (const finding of readDestructive(reader))
            found.push({ ...finding, line });
    }
    return found;
}
/** The token is the unquoted key word `word` (lower case), compared in place. */
function isWord(sql, token, word) {
    if (token?.kind !== 'word' || token.end - token.start !== word.length)
        return false;
    for (let i = 0; i < word.length; i++) {
        // ASCII letters only: `| 0x20` folds A-Z onto a-z.
        if ((sql.charCodeAt(token.start + i) | 0x20) !== word.charCodeAt(i))
            return false;
    }
    return true;
}
function readDestructive(reader) {
    if (reader.is(0, 'drop') && (reader.is(1, 'table') || reader.is(1, 'schema'))) {
        const kind = reader.is(1, 'table') ? 'drop-table' : 'drop-schema';
        reader.position = 2;
        reader.skip('if', 'exists');
        return reader.nameList().map((target) => ({ kind, target, object: target }));
    }
    if (reader.is(0, 'truncate')) {
        reader.position = 1;
        reader.skip('table');
        return reader.nameList().map((target) => ({ kind: 'truncate', target, object: target }));
    }
    if (reader.is(0, 'alter') && reader.is(1, 'table'))
        return droppedColumns(reader);
    if (reader.is(0, 'delete'))
        return deleteWithoutWhere(reader, 0);
    if (reader.is(0, 'with')) {
        // DELETE as the main statement or inside a data-modifying CTE.
        const findings = [];
        reader.tokens.forEach((_, index) => {
            if (reader.is(index, 'delete'))
                findings.push(...deleteWithoutWhere(reader, index));
        });
        return findings;
    }
    return [];
}
// ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action]…; an action `DROP [COLUMN] [IF EXISTS] c`
// drops a column, `DROP CONSTRAINT` does not, nor `ALTER COLUMN c DROP DEFAULT|NOT NULL|…`.
function droppedColumns(reader) {
    reader.position = 2;
    reader.skip('if', 'exists');
    reader.skip('only');
    const table = reader.name();
    if (table === undefined)
        return [];
    const findings = [];
    let actionStart = true;
    let depth = 0;
    for (; reader.position < reader.tokens.length; reader.position++) {
        const kind = reader.tokens[reader.position]?.kind;
        if (depth === 0 && actionStart && reader.is(reader.position, 'drop')) {
            reader.position++;
            if (reader.is(reader.position, 'constraint')) {
                actionStart = false;
                continue;
            }
            reader.skip('column');
            reader.skip('if', 'exists');
            const columnToken = reader.tokens[reader.position];
            const column = reader.name(false);
            if (column !== undefined) {
                const name = reader.rawIdentifier(columnToken);
                findings.push({ kind: 'drop-column', target: `${table}.${column}`, object: table, column: name });
            }
            reader.position--;
        }
        actionStart = depth === 0 && kind === ',';
        if (kind === '(')
            depth++;
        else if (kind === ')')
            depth--;
    }
    return findings;
}
// DELETE FROM [ONLY] name [*] …: deletes every row unless a WHERE follows at the same nesting level.
function deleteWithoutWhere(reader, at) {
    if (!reader.is(at + 1, 'from'))
        return [];
    reader.position = at + 2;
    reader.skip('only');
    const target = reader.name();
    if (target === undefined)
        return [];
    let depth = 0;
    for (let index = reader.position; index < reader.tokens.length && depth >= 0; index++) {
        const kind = reader.tokens[index]?.kind;
        if (kind === '(')
            depth++;
        else if (kind === ')')
            depth--;
        else if (depth === 0 && reader.is(index, 'where'))
            return [];
    }
    return [{ kind: 'delete-all', target, object: target }];
}
class Reader {
    sql;
    tokens;
    position = 0;
    constructor(sql, tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }
    /** The token at `index` is the unquoted key word `word` (given in lower case). */
    is(index, word) {
        return isWord(this.sql, this.tokens[index], word);
    }
    /** Steps over the key word `word` (and `then`, when given) when it comes next. */
    skip(word, then) {
        if (!this.is(this.position, word))
            return;
        if (then === undefined)
            this.position += 1;
        else if (this.is(this.position + 1, then))
            this.position += 2;
    }
    /** A (qualified) name and an optional `*`; undefined when none is next. */
    name(qualified = true) {
        const parts = [];
        for (;;) {
            const part = this.identifier(this.tokens[this.position]);
            if (part === undefined)
                break;
            parts.push(part);
            this.position++;
            if (!qualified || this.tokens[this.position]?.kind !== '.')
                break;
            this.position++;
        }
        if (this.tokens[this.position] !== undefined && this.text(this.tokens[this.position]) === '*') {
            this.position++;
        }
        return parts.length === 0 ? undefined : parts.join('.');
    }
    /** name [, [ONLY] name]… */
    nameList() {
        const names = [];
        for (;;) {
            this.skip('only');
            const name = this.name();
            if (name === undefined)
                return names;
            names.push(name);
            if (this.tokens[this.position]?.kind !== ',')
                return names;
            this.position++;
        }
    }
    identifier(token) {
        const raw = this.rawIdentifier(token);
        return raw === undefined ? undefined : displayIdentifier(raw);
    }
    /** The identifier as Postgres stores it: unquoted ones folded, quoted ones as written. */
    rawIdentifier(token) {
        if (token?.kind === 'word')
            return asciiLowerCase(this.text(token));
        if (token?.kind === 'quoted-identifier' && this.sql[token.start] === '"' && !token.unterminated) {
            return this.text(token).slice(1, -1).replaceAll('""', '"');
        }
        return undefined;
    }
    text(token) {
        return this.sql.slice(token.start, token.end);
    }
}
// PostgreSQL folds unquoted identifiers to lower case in ASCII only (UTF-8 server encoding).
function asciiLowerCase(text) {
    return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text;
}
function displayIdentifier(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** Counted exactly up to this many; a count above it reads "10,000+". */
const DATA_LOSS_CAP = 10_000;
/** Every destroying statement of `steps`, in the order they run. */
function lossTargetsOf(steps) {
    return steps.flatMap((step) => destructiveStatements(step.down.scan).map((d) => ({ ...d, version: step.version, file: step.down.path })));
}
/** "table public.author", "column public.author.email", "schema les". */
function lossSubject(target) {
    if (target.kind === 'drop-column')
        return `column ${target.target}`;
    if (target.kind === 'drop-schema')
        return `schema ${target.target}`;
    return `table ${target.target}`;
}
/** "1,234 rows", "10,000+ values", "no rows"; undefined when the object did not exist yet. */
function countText(target, count) {
    if (count === null)
        return undefined;
    const unit = target.kind === 'drop-column' ? 'value' : 'row';
    if (count === 0)
        return `no ${unit}s`;
    const n = count > DATA_LOSS_CAP ? `${DATA_LOSS_CAP.toLocaleString('en-US')}+` : count.toLocaleString('en-US');
    return `${n} ${unit}${count === 1 ? '' : 's'}`;
}

// Annotations as GitHub shows them: at most ANNOTATIONS_PER_LEVEL of each level per step.
/** GitHub shows at most this many annotations of each level per step and drops the rest unseen. */
const ANNOTATIONS_PER_LEVEL = 10;
/**
 * What fits GitHub's ANNOTATIONS_PER_LEVEL, in order, given how many of each level the step emits
 * elsewhere (`used`). Where there are more, the last one shown says how many were left out, so none
 * is lost without a word (the summary lists them all).
 */
function capAnnotations(annotations, used = {}) {
    let kept = [...annotations];
    const more = [];
    for (const level of ['error', 'warning', 'notice']) {
        const budget = Math.max(1, ANNOTATIONS_PER_LEVEL - (used[level] ?? 0));
        const all = kept.filter((a) => a.level === level);
        if (all.length <= budget)
            continue;
        const shown = new Set(all.slice(0, budget - 1));
        kept = kept.filter((a) => a.level !== level || shown.has(a));
        const noun = level === 'notice' ? 'notices' : `${level}s`;
        more.push({
            level,
            message: `…and ${all.length - shown.size} more ${noun}: GitHub shows ${ANNOTATIONS_PER_LEVEL} per step, the job summary lists them all`,
        });
    }
    return [...kept, ...more];
}

// Text for the job summary: everything taken from files, SQL or servers is escaped here, because
// core.summary escapes nothing.
const ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '\n': ' ',
    '\r\n': ' ',
};
/** Escapes text for a Markdown table cell or paragraph (HTML entities; pipes and newlines too). */
function escapeText(text) {
    return text.replace(/\r\n|[&<>|\n\\`*_[\]#]/g, (c) => ESCAPES[c] ?? `\\${c}`);
}
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
};
/**
 * Escapes text inside an HTML block (a `<summary>` line): Markdown is not read there, so a backslash
 * escape would show as a backslash; only HTML's own characters are escaped, newlines become spaces
 * (a blank line would end the block).
 */
function escapeHtml(text) {
    return text.replace(/\r?\n/g, ' ').replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]);
}
/** Text cut to `max` characters at a word boundary, saying where the rest is. */
function shortened(text, max, rest) {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max - rest.length - 2);
    const space = cut.lastIndexOf(' ');
    return `${space > max / 2 ? cut.slice(0, space) : cut}… ${rest}`;
}
/**
 * Text as inline code. Not a Markdown code span: inside one, backslash escapes and entities show
 * literally (a path would read `3\_create\_t`), so escaped text goes in a <code> element instead.
 */
function code(text) {
    return `<code>${escapeText(text)}</code>`;
}
/** A fenced block of `text`, with a fence longer than any backtick run in it. */
function fenced(text, language) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}${language}`, text.replace(/\n$/, ''), fence].join('\n');
}
/** A project-relative file as a workspace-relative path (annotations, the summary). */
function workspacePath(projectDir, file) {
    if (!file)
        return undefined;
    return node_path.posix.normalize(node_path.posix.join(projectDir.split('\\').join('/'), file));
}
/** A step's duration: under a millisecond is not "0 ms" (a down's share of a fast batch often is). */
function formatDuration(ms) {
    return ms < 0.5 ? '<1 ms' : `${Math.round(ms)} ms`;
}
/** The first few of `items` for one line, then how many more `rest` holds: "a; b; c; and 4 more in the job summary". */
function firstFew(items, rest, few = 3) {
    const more = items.length - few;
    return items.slice(0, few).join('; ') + (more > 0 ? `; and ${more} more ${rest}` : '');
}
/** Versions for one line: each of a few, else the first and the last (the table lists them all). */
function versionList(versions) {
    return versions.length <= 10 ? versions.join(', ') : `${versions[0]} … ${versions.at(-1)}`;
}

// Metadata through Hasura's admin API: export the server's current metadata as a backup (before
// anything changes), replace it with the stable commit's, then ask the server for inconsistencies —
// the CLI's `metadata apply` does not check; we do.
/** What to send in replace_metadata for a server generation: on v2.x the CLI sends version 2 whatever version.yaml says. */
function metadataForServer(metadata, generation) {
    return generation === 'v2' ? { ...metadata, version: 2 } : { ...metadata };
}
/**
 * The replace_metadata request for config v3 metadata. `allow_inconsistent_metadata: false` (the CLI
 * sends true): the server then refuses inconsistent metadata and keeps what it has, rather than storing
 * it and reporting the inconsistency.
 */
function replaceMetadataV3Request(metadata) {
    return { type: 'replace_metadata', version: 2, args: { allow_inconsistent_metadata: false, metadata } };
}
/** Exports the server's metadata into a JSON file under `dir`; the file name carries the time. */
async function backupMetadata(api, dir, now) {
    const metadata = await api.metadata({ type: 'export_metadata', args: {} });
    // Synchronous: node:fs/promises would load with every start (~2 ms) for this one file.
    node_fs.mkdirSync(dir, { recursive: true });
    const path = node_path.join(dir, `hasura-metadata-backup-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    node_fs.writeFileSync(path, JSON.stringify(metadata, null, 2) + '\n');
    return { path, metadata };
}
/** Replaces the server's metadata with the stable commit's. */
async function replaceMetadata(api, stable) {
    if (stable.version === 3) {
        await api.metadata(replaceMetadataV3Request(stable.metadata));
        return;
    }
    const { generation } = await api.serverVersion();
    await api.metadata({ type: 'replace_metadata', args: metadataForServer(stable.metadata, generation) });
}
/** The inconsistent objects the server reports; a separate step, as its failure leaves the metadata applied. */
async function inconsistentObjects(api) {
    const check = await api.metadata({ type: 'get_inconsistent_metadata', args: {} });
    if (!check || !Array.isArray(check.inconsistent_objects)) {
        throw new RollbackError('Hasura answered get_inconsistent_metadata without an inconsistent_objects list');
    }
    return check.inconsistent_objects;
}
/**
 * The objects Hasura names when it refuses metadata as inconsistent and keeps its own: HTTP 400 whose
 * `internal` is the list of inconsistent objects (each with its `reason`).
 */
function refusedAsInconsistent(error) {
    if (!(error instanceof HasuraApiError) || error.status !== 400)
        return undefined;
    const objects = error.internal;
    const listed = Array.isArray(objects) &&
        objects.length > 0 &&
        objects.every((o) => isRecord(o) && typeof o.reason === 'string');
    return listed ? objects : undefined;
}
/** One line per inconsistent object, as the server words it. */
function describeInconsistency(object) {
    const o = (object ?? {});
    const what = typeof o.name === 'string' ? o.name : `${String(o.type ?? 'object')} ${JSON.stringify(o.definition)}`;
    return `${what}: ${String(o.reason ?? 'inconsistent')}`;
}

// The metadata part of the summary: the ref, what it changes, Hasura's consistency verdict, the backup
// and the command that puts the backup back.
/** The restore command in a block, and what it needs where it runs. */
function restoreBlock(m) {
    if (!m.restoreCommand)
        return [];
    return [
        fenced(m.restoreCommand, 'sh'),
        '',
        'It needs `HASURA_GRAPHQL_ENDPOINT` and `HASURA_GRAPHQL_ADMIN_SECRET` exported, and bash and curl. ' +
            'The runner deletes the backup when the job ends: run it in a later step of this job, or change the path ' +
            "to the file downloaded from the run's artifacts (the examples upload it as `hasura-metadata-backup`).",
    ];
}
function appliedLine(result, m) {
    if (m.applied)
        return 'Applied';
    if (m.outcomeUnknown)
        return 'Replaced without an answer from Hasura: it may or may not be applied';
    return result.status === 'dry-run' ? 'Would be applied (dry run)' : 'Not applied';
}
function consistencyLines(m) {
    const inconsistent = m.inconsistentObjects;
    if (!m.applied) {
        if (!inconsistent?.length)
            return [];
        return [
            `- Refused by Hasura as inconsistent: ${inconsistent.length} object(s)`,
            ...inconsistent.map((o) => `  - ${escapeText(describeInconsistency(o))}`),
        ];
    }
    if (!inconsistent)
        return ["- Consistency: unknown (Hasura's check could not be read)"];
    if (inconsistent.length === 0)
        return ['- Consistency: Hasura reports no inconsistent object'];
    return [
        `- Inconsistent objects: ${inconsistent.length}`,
        ...inconsistent.map((o) => `  - ${escapeText(describeInconsistency(o))}`),
    ];
}
/** `restoreIsNext`: the restore command is shown open under "What to do", so not folded here. */
function metadataSection(result, restoreIsNext) {
    const m = result.metadata;
    if (!m)
        return [];
    const lines = [
        '### Metadata',
        '',
        `- Ref: ${code(m.ref)} → ${code(m.sha)} (${escapeText(m.subject)})`,
        `- ${appliedLine(result, m)}`,
        `- Changes against the metadata Hasura served: ${m.changes.length === 0 ? 'none' : m.changes.length}`,
        ...(m.backupPath
            ? [`- Backup of the metadata Hasura served before this run: ${code(m.backupPath)}`]
            : []),
        ...consistencyLines(m),
    ];
    if (m.changes.length > 0) {
        lines.push('', '<details><summary>What the metadata of the ref changes</summary>', '');
        for (const c of m.changes)
            lines.push(`- ${c.kind}: ${escapeText(c.what)}`);
        lines.push('', '</details>');
    }
    if (m.uncheckedByGuard.length > 0) {
        const heading = `${m.uncheckedByGuard.length} object(s) the guard cannot check, left to Hasura's consistency check`;
        lines.push('', `<details><summary>${escapeHtml(heading)}</summary>`, '');
        for (const u of m.uncheckedByGuard)
            lines.push(`- database ${escapeText(u.database)}: ${escapeText(u.what)}`);
        lines.push('', '</details>');
    }
    if (!restoreIsNext && (m.applied || m.outcomeUnknown) && m.restoreCommand) {
        lines.push('', '<details><summary>Restore the metadata from the backup</summary>', '');
        lines.push(...restoreBlock(m), '', '</details>');
    }
    return [...lines, ''];
}

/** "the metadata of `v1.4.0` (`3f2a9c1d0e4b`, Release 1.4)": the ref as given, its commit and subject. */
function metadataName(m) {
    const sha = code(m.sha.slice(0, 12));
    const bySha = m.sha.startsWith(m.ref);
    const about = [bySha ? '' : sha, escapeText(m.subject)].filter(Boolean);
    return `the metadata of ${bySha ? sha : code(m.ref)}${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
}
/** The state lines: each database, then the metadata, then what a rolled-back transaction leaves. */
function stateSection(result) {
    const lines = [...databaseLines(result), `- **Metadata:** ${metadataState(result)}`];
    if (result.alreadyReverted.length > 0) {
        const versions = versionList(result.alreadyReverted.map((v) => v.version));
        lines.push(`- An earlier attempt of this run rolled back ${versions}; this attempt reverted nothing more.`);
    }
    if (sequencesMayHaveMoved(result)) {
        lines.push('- Sequences the downs advanced stay advanced: Postgres does not roll sequences back.');
    }
    return [...lines, ''];
}
/** Nothing was changed, yet downs ran and were rolled back (a dry run, a failed transaction). */
function sequencesMayHaveMoved(result) {
    const m = result.metadata;
    const changed = result.committed || m?.applied || m?.outcomeUnknown || result.failure?.outcomeUnknown;
    const ran = result.steps.some((s) => s.status === 'rehearsed' || s.status === 'undone' || s.status === 'failed');
    return !changed && ran;
}
function databaseLines(result) {
    const names = [...new Set([...result.steps.map((s) => s.database), ...result.databases.map((d) => d.name)])];
    const committed = (name) => result.databases.find((d) => d.name === name)?.committed === true;
    if (result.configVersion !== 3 || names.length === 0) {
        const unknown = result.failure?.outcomeUnknown === true && !result.committed;
        return [`- **Database:** ${databaseState(result, result.steps, result.databases.at(-1), { unknown })}`];
    }
    // Databases run in plan order: the one whose COMMIT got no answer is the first not committed.
    const running = result.failure?.outcomeUnknown ? names.find((name) => !committed(name)) : undefined;
    return names.map((name) => {
        const steps = result.steps.filter((s) => s.database === name);
        const outcome = result.databases.find((d) => d.name === name) ?? { committed: false };
        const state = databaseState(result, steps, outcome, { unknown: name === running, v3: true });
        return `- **Database ${escapeText(name)}:** ${state}`;
    });
}
const reverted = (steps) => versionList(steps.filter((s) => s.status === 'reverted').map((s) => s.version));
/** One database's state; `v3` words it as that database's outcome among several. */
function databaseState(result, steps, outcome, { unknown, v3 = false }) {
    const count = steps.filter((s) => s.status === 'reverted').length;
    const committed = v3 ? outcome?.committed === true : result.committed;
    if (committed && outcome?.stateWrite === 'failed') {
        return `state write failed: the downs of ${reverted(steps)} were committed, but writing the catalog state through Hasura failed; a re-run finishes it and reverts nothing more.`;
    }
    if (committed) {
        return count > 0
            ? `rolled back ${count} migration(s): ${reverted(steps)}.`
            : 'unchanged: no migration to revert.';
    }
    if (unknown) {
        return 'unknown: the rollback may or may not have been committed.';
    }
    if (result.status === 'dry-run') {
        const ran = steps.filter((s) => s.status === 'rehearsed').length;
        return ran > 0
            ? `${v3 ? 'rehearsed' : 'unchanged'} (dry run): the downs of ${ran} migration(s) ran and were rolled back.`
            : 'unchanged: no migration to revert.';
    }
    if (result.status !== 'failed' || steps.length === 0) {
        if (result.status === 'nothing-to-roll-back')
            return 'unchanged: no applied version is selected.';
        return result.status === 'failed' ? 'unchanged: the run stopped before changing anything.' : 'unchanged.';
    }
    const ran = steps.some((s) => s.status === 'undone' || s.status === 'failed');
    const still = `the ${steps.length} selected migration(s) are still applied`;
    const verdict = v3 ? 'not rolled back' : 'unchanged';
    return ran ? `${verdict}: the transaction was rolled back, so ${still}.` : `${verdict}: ${still}.`;
}
function metadataState(result) {
    const m = result.metadata;
    if (!m) {
        return result.status === 'failed'
            ? 'unchanged: Hasura serves the metadata it served before this run.'
            : 'unchanged: this run applies no metadata.';
    }
    if (m.outcomeUnknown) {
        return `unknown: Hasura did not answer the replace with ${metadataName(m)}; it may or may not serve it.`;
    }
    if (!m.applied) {
        if (result.status === 'dry-run')
            return `unchanged; the run would apply ${metadataName(m)}.`;
        if (m.inconsistentObjects?.length) {
            return `unchanged: Hasura refused ${metadataName(m)} as inconsistent and serves the metadata it served before this run.`;
        }
        return `unchanged: Hasura serves the metadata it served before this run${result.committed ? `, not ${metadataName(m)}` : ''}.`;
    }
    const inconsistent = m.inconsistentObjects;
    if (!inconsistent) {
        return `${metadataName(m)}; its consistency is unknown: Hasura's check could not be read.`;
    }
    return inconsistent.length === 0
        ? `${metadataName(m)}; Hasura reports it consistent.`
        : `${metadataName(m)}, which Hasura reports inconsistent: ${inconsistent.length} object(s), listed under Metadata.`;
}

const STATUS_LABEL = {
    'not-executed': 'not executed',
    reverted: 'reverted',
    rehearsed: 'rehearsed (rolled back)',
    failed: '**failed**',
    undone: 'undone (rolled back)',
};
function columns(steps) {
    const several = new Set(steps.map((s) => s.database)).size > 1;
    // Through Hasura no down is timed: the column would be empty.
    const timed = steps.some((s) => s.durationMs !== undefined);
    return [
        { head: 'Status', cell: (s) => STATUS_LABEL[s.status] },
        ...(several ? [{ head: 'Database', cell: (s) => escapeText(s.database) }] : []),
        { head: 'Version', cell: (s) => s.version },
        { head: 'Name', cell: (s) => escapeText(s.name) },
        { head: 'Statements', right: true, cell: (s) => String(s.down.scan.statements.length) },
        ...(timed
            ? [
                {
                    head: 'Duration',
                    right: true,
                    cell: (s) => (s.durationMs === undefined ? '' : formatDuration(s.durationMs)),
                },
            ]
            : []),
    ];
}
/** The table of the run's migrations, with what each down did. */
function stepsSection(result) {
    const { steps } = result;
    if (steps.length === 0)
        return [];
    const cols = columns(steps);
    const table = [
        `| ${cols.map((c) => c.head).join(' | ')} |`,
        `| ${cols.map((c) => (c.right ? '---:' : '---')).join(' | ')} |`,
        ...steps.map((s) => `| ${cols.map((c) => c.cell(s)).join(' | ')} |`),
    ];
    if (cols.some((c) => c.head === 'Duration')) {
        table.push('', "_Downs run in batches of up to 1,000 per query: a duration is the down's share of its batch._");
    }
    return ['### Migrations', '', ...table, ''];
}
/** A down's SQL, folded: its file, then the file's text. */
function sqlSection(step, projectDir) {
    const file = workspacePath(projectDir, step.down.path);
    return [
        '',
        `<details><summary>SQL of ${step.version} ${escapeHtml(step.name)}</summary>`,
        '',
        ...(file ? [code(file), ''] : []),
        fenced(step.down.sql, 'sql'),
        '',
        '</details>',
    ].join('\n');
}
/** At most this many lines of a failing statement are shown open; the whole down is further down. */
const STATEMENT_LINES_SHOWN = 30;
/**
 * The whole lines of the statement of `down` that holds `line` (1-based), or of the last one before it;
 * a long statement is cut to STATEMENT_LINES_SHOWN lines around `line`.
 */
function statementAt(down, line) {
    const { tokens, statements, text } = down.scan;
    const spans = statements.map((s) => ({ from: tokens[s.first].line, to: tokens[s.last].endLine }));
    const span = spans.find((s) => s.from <= line && line <= s.to) ?? spans.findLast((s) => s.from <= line);
    if (!span)
        return undefined;
    const from = Math.max(span.from, line - STATEMENT_LINES_SHOWN + 10);
    const to = Math.min(span.to, from + STATEMENT_LINES_SHOWN - 1);
    return {
        from,
        to,
        text: text
            .split('\n')
            .slice(from - 1, to)
            .join('\n'),
    };
}

/** Pre-flight problems listed open; the rest are folded (GitHub shows few annotations anyway). */
const PROBLEMS_SHOWN_OPEN = 10;
/** The restore of the backup is the next step: the metadata applied, and Hasura says it is inconsistent. */
function restoreIsNext(result) {
    const m = result.metadata;
    return result.status === 'failed' && m?.applied === true && (m.inconsistentObjects?.length ?? 0) > 0;
}
/** What to do after the run: a line for a run that went as asked, a section for one that failed. */
function nextStep(result, projectDir) {
    switch (result.status) {
        case 'rolled-back':
            return [
                '**Next:** revert or fix the bad commit on the branch you deploy from: until then, the next push deploys it again.',
                '',
            ];
        case 'dry-run':
            return [`**To apply it:** ${applyDryRun(result)}`, ''];
        case 'nothing-to-roll-back':
            return [];
        case 'failed':
            return ['### What to do', '', ...failedNextStep(result, projectDir), ''];
    }
}
function applyDryRun(result) {
    const count = result.steps.length;
    const m = result.metadata;
    const does = [
        count > 0 ? `rolls back these ${count} migration(s)` : '',
        m ? `applies ${metadataName(m)}` : '',
    ].filter(Boolean);
    const rerun = `run the workflow again with ${code('dry-run: false')} and the same other inputs`;
    return does.length > 0 ? `${rerun}: it ${does.join(' and ')}.` : `${rerun}.`;
}
function failedNextStep(result, projectDir) {
    const m = result.metadata;
    const error = result.failure ? ['', `**Error:** ${escapeText(result.failure.message)}`] : [];
    if (result.failure?.outcomeUnknown) {
        const status = code('hasura migrate status');
        const where = result.configVersion === 3 ? status : `${status} or hdb\\_catalog.schema\\_migrations`;
        return [
            `Check the migration state (${where}) to see whether the versions below are still applied, then re-run this job: it reverts only what is still applied.`,
            ...error,
        ];
    }
    if (m && restoreIsNext(result)) {
        return [
            'Fix the inconsistent objects listed under Metadata (Hasura console: Settings > Metadata Status), or put back the metadata Hasura served before this run' +
                (m.restoreCommand ? ':' : ', from the backup named under Metadata.'),
            '',
            ...restoreBlock(m),
            ...error,
        ];
    }
    if (m && !m.applied && (m.inconsistentObjects?.length ?? 0) > 0) {
        const rerun = result.committed ? `: it reverts nothing already reverted and ${whatIsLeft(result)}` : '';
        return [
            `Hasura refused ${metadataName(m)} as inconsistent with the databases (the objects are listed under Metadata). ` +
                `Fix what they name, or choose another ${code('ref')}, then re-run this job${rerun}.`,
            ...error,
        ];
    }
    if (result.committed || m?.applied || m?.outcomeUnknown) {
        return [
            `**Re-run this job** to finish: it reverts nothing already reverted and ${whatIsLeft(result)} (if a deploy step in the job re-applies the migrations first, it rolls them back again).`,
            ...error,
        ];
    }
    if (result.problems.length > 0)
        return problemList(result, projectDir);
    return [...locatedFailure(result, projectDir), ...error];
}
/** What a re-run of a run that changed part of what it meant to does. */
function whatIsLeft(result) {
    const m = result.metadata;
    const left = [
        result.databases.some((d) => d.stateWrite === 'failed') ? 'finishes the catalog state write' : '',
        result.steps.some((s) => s.status !== 'reverted') ? 'rolls back the rest' : '',
        m && !m.applied ? `applies ${metadataName(m)}` : '',
        m?.applied ? `re-applies ${metadataName(m)} and checks its consistency` : '',
    ].filter(Boolean);
    return left.length > 0 ? left.join(', then ') : 'does what is left';
}
/** "Fix file:line" with the statement that failed, open; or "fix the cause" when no file is at fault. */
function locatedFailure(result, projectDir) {
    const failure = result.failure;
    const file = workspacePath(projectDir, failure?.file);
    if (!failure || !file)
        return ['Fix the cause below, then re-run this workflow.'];
    const place = code(failure.line ? `${file}:${failure.line}` : file);
    const step = result.steps.find((s) => s.down.path === failure.file && (failure.version ?? s.version) === s.version);
    const statement = step && failure.line ? statementAt(step.down, failure.line) : undefined;
    const of = step ? ` (the down of ${step.version} ${escapeText(step.name)})` : '';
    if (!statement)
        return [`Fix ${place}${of}, then re-run this workflow.`];
    const lines = statement.from === statement.to ? `line ${statement.from}` : `lines ${statement.from}–${statement.to}`;
    return [
        `Fix ${place}${of}, then re-run this workflow. The statement that failed, ${lines}:`,
        '',
        fenced(statement.text, 'sql'),
    ];
}
function problemList(result, projectDir) {
    const { problems } = result;
    const items = problems.map((p) => {
        const file = workspacePath(projectDir, p.file);
        return `- ${escapeText(p.message)}${file ? ` (${code(file)})` : ''}`;
    });
    const intro = `Pre-flight refused the rollback. Fix ${problems.length === 1 ? 'this problem' : `these ${problems.length} problems`}, then re-run this workflow:`;
    if (items.length <= PROBLEMS_SHOWN_OPEN)
        return [intro, '', ...items];
    const more = items.length - PROBLEMS_SHOWN_OPEN;
    return [
        intro,
        '',
        ...items.slice(0, PROBLEMS_SHOWN_OPEN),
        '',
        `<details><summary>${more} more problems</summary>`,
        '',
        ...items.slice(PROBLEMS_SHOWN_OPEN),
        '',
        '</details>',
    ];
}

/** GitHub refuses job summaries over 1 MiB; keep well under it. */
const SUMMARY_LIMIT_BYTES = 1000 * 1024;
/** The job summary; `versions` are those the outputs report as rolled back. */
function buildSummary(result, versions, losses, projectDir) {
    const lines = [`## ${headline(result, versions)}`, ''];
    lines.push(...stateSection(result));
    lines.push(...nextStep(result, projectDir));
    for (const note of result.notes)
        lines.push(`> ${escapeText(note)}`, '');
    lines.push(...stepsSection(result));
    lines.push(...dataLossSection(losses, result.committed));
    lines.push(...metadataSection(result, restoreIsNext(result)));
    const sql = result.steps.map((s) => sqlSection(s, projectDir));
    return fitSummary(lines, sql);
}
function headline(result, versions) {
    const m = result.metadata;
    switch (result.status) {
        case 'rolled-back': {
            const schema = versions.length > 0 ? `Rolled back ${versions.length} migration(s)` : '';
            const metadata = m?.applied ? `applied the metadata of ${code(m.ref)}` : '';
            const both = [schema, metadata].filter(Boolean).join(' and ');
            return `✅ ${both.charAt(0).toUpperCase()}${both.slice(1)}`;
        }
        case 'nothing-to-roll-back':
            return '✅ Nothing to roll back: no applied version is selected';
        case 'dry-run':
            return `🧪 Dry run passed: ${versions.length} migration(s) would be rolled back; nothing was changed`;
        case 'failed': {
            const changed = result.committed || m?.applied || m?.outcomeUnknown || result.failure?.outcomeUnknown;
            if (changed)
                return '❌ Rollback failed part way';
            return `❌ Rollback ${result.problems.length > 0 ? 'refused' : 'failed'}: nothing was changed`;
        }
    }
}
/** The losses listed in full while GitHub shows their annotations too; more are folded away. */
const LOSSES_SHOWN_OPEN = 10;
/** `committed`: the downs that destroy it were committed; else they would (dry run, refusal, failure). */
function dataLossSection(losses, committed) {
    if (losses.length === 0)
        return [];
    const lines = losses.map((d) => {
        const counted = countText(d, d.count ?? null);
        return `- ${d.version} ${escapeText(lossText(d))}${counted ? `: ${counted}` : ''} (${code(`${d.file ?? ''}:${d.line}`)})`;
    });
    const heading = `${losses.length} statement(s) ${committed ? 'dropped or deleted' : 'would drop or delete'} data`;
    return losses.length <= LOSSES_SHOWN_OPEN
        ? ['### Data loss', '', `${heading}:`, '', ...lines, '']
        : ['### Data loss', '', `<details><summary>${heading}</summary>`, '', ...lines, '', '</details>', ''];
}
/** e.g. "drop table public.author". */
function lossText(loss) {
    return `${loss.kind.replace('-', ' ')} ${loss.target}`;
}
function fitSummary(head, sql) {
    const full = [...head, ...sql].join('\n') + '\n';
    if (Buffer.byteLength(full) <= SUMMARY_LIMIT_BYTES)
        return full;
    const note = ['', "_The SQL of the downs is left out: the summary would exceed GitHub's 1 MiB limit._"];
    const short = [...head, ...note].join('\n') + '\n';
    if (Buffer.byteLength(short) <= SUMMARY_LIMIT_BYTES)
        return short;
    const cut = Buffer.from(short)
        .subarray(0, SUMMARY_LIMIT_BYTES - 200)
        .toString('utf8');
    return `${cut}\n\n_Summary truncated at GitHub's 1 MiB limit; the log has everything._\n`;
}

/** The versions the outputs report: reverted (by this run or an earlier attempt), or planned in a dry run. */
function reportedVersions(result) {
    if (result.status === 'dry-run')
        return [...result.steps];
    return [...result.alreadyReverted, ...result.steps.filter((s) => s.status === 'reverted')];
}
/** Config v3: each database to its reported versions; `{}` for config v2. */
function byDatabase(result, versions) {
    const grouped = {};
    if (result.configVersion !== 3)
        return grouped;
    for (const { database, version } of versions)
        (grouped[database] ??= []).push(version);
    return grouped;
}
/**
 * What the downs that ran (or would run, in a dry run) destroy, statement by statement, with what was
 * measured. When none ran (a refusal), those measured to hold data.
 */
function dataLoss(result, projectDir) {
    const ran = result.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed');
    const measured = new Map(result.dataLoss.map((m) => [`${m.database}/${m.version}/${m.line}/${m.target}`, m.count]));
    const losses = (steps) => steps.flatMap((s) => destructiveStatements(s.down.scan).map((d) => ({
        ...d,
        version: s.version,
        file: workspacePath(projectDir, s.down.path),
        count: measured.get(`${s.database}/${s.version}/${d.line}/${d.target}`),
    })));
    if (ran.length > 0)
        return losses(ran);
    return losses(result.steps).filter((d) => (d.count ?? 0) > 0);
}
/** An error line stays short: a refusal names its first few problems, the summary lists them all. */
const ERROR_LINE_MAX_CHARS = 1000;
function failureOf$1(result, projectDir) {
    if (result.status !== 'failed')
        return undefined;
    const { failure, problems } = result;
    const error = (message, file, line) => ({
        level: 'error',
        message: shortened(message, ERROR_LINE_MAX_CHARS, '(the job summary has the whole message)'),
        file: workspacePath(projectDir, file),
        line,
    });
    if (failure) {
        const restore = restoreIsNext(result) && result.metadata?.restoreCommand
            ? ': the job summary gives the command that restores it'
            : '';
        return error(`${failure.message}${restore}`, failure.file, failure.line);
    }
    if (problems.length === 1)
        return error(problems[0].message, problems[0].file);
    const listed = firstFew(problems.map((p) => p.message), 'in the job summary');
    return error(`Pre-flight refused the rollback, nothing was changed: ${problems.length} problems: ${listed}`);
}
function noticesOf(result, losses) {
    const dryRun = result.status === 'dry-run';
    // An emptied table or column loses nothing: only what holds data (or was not measured) is annotated.
    return losses
        .filter((l) => l.count !== 0)
        .map((d) => {
        const counted = countText(d, d.count ?? null);
        return {
            level: 'notice',
            message: `Data loss: ${d.version} ${lossText(d)}${counted ? `: ${counted}` : ''}${dryRun ? ' (would run)' : ''}`,
            file: d.file,
            line: d.line,
        };
    });
}
function buildReport(result, context) {
    const reported = reportedVersions(result);
    const versions = reported.map((v) => v.version);
    const losses = dataLoss(result, context.projectDir);
    return {
        outputs: {
            status: result.status,
            'rolled-back-versions': JSON.stringify(versions),
            'rolled-back-count': String(versions.length),
            'rolled-back-by-database': JSON.stringify(byDatabase(result, reported)),
            'metadata-ref': result.metadata?.sha ?? '',
            'metadata-backup': result.metadata?.backupPath ?? '',
            'inconsistent-objects': JSON.stringify(result.metadata?.inconsistentObjects ?? []),
        },
        summary: buildSummary(result, versions, losses, context.projectDir),
        // Plan notes were logged as notices already.
        annotations: capAnnotations(noticesOf(result, losses), { notice: result.notes.length }),
        failure: failureOf$1(result, context.projectDir),
    };
}

/** Nothing of the migration state is locked, checked or changed: a transaction for other SQL (the guard, the journal). */
const NO_STATE_CHANGE = { recheck: '', locks: '', removeVersions: () => '' };
function notExecuted(steps) {
    return steps.map((s) => ({ version: s.version, status: 'not-executed', durationMs: undefined }));
}
/** After a rollback of the transaction, whatever ran is undone. */
function markUndone(outcomes) {
    for (const o of outcomes)
        if (o.status === 'reverted' || o.status === 'rehearsed')
            o.status = 'undone';
}
/** After a rollback whose down at `index` failed: those before it ran and were undone, those after never ran. */
function markFailedAt(outcomes, index) {
    outcomes.forEach((o, i) => {
        o.status = i < index ? 'undone' : i === index ? 'failed' : 'not-executed';
        if (i >= index)
            o.durationMs = undefined;
    });
}
function migrationLabel(step) {
    return step.name ? `${step.version}_${step.name}` : step.version;
}

const noProgress = () => ({
    transports: [],
    databases: [],
    dataLoss: [],
    steps: [],
    alreadyReverted: [],
    problems: [],
    notes: [],
    committed: false,
});
function resultOf(progress, status, failure) {
    return {
        status,
        configVersion: progress.configVersion,
        transport: progress.transports[0]?.kind,
        databases: progress.databases,
        steps: progress.steps,
        alreadyReverted: progress.alreadyReverted,
        problems: progress.problems,
        notes: progress.notes,
        failure,
        committed: progress.committed,
        metadata: progress.metadata,
        dataLoss: progress.dataLoss,
    };
}
/** The result of a run refused before it started (bad inputs): nothing was touched. */
function refusedResult(message) {
    return resultOf(noProgress(), 'failed', { message });
}
/** A failure after the schema commit or the metadata replace must say what was changed, and how to finish. */
function afterCommit(progress, message) {
    const metadata = progress.metadata;
    if (!metadata || (!progress.committed && !metadata.applied && !metadata.outcomeUnknown))
        return message;
    const schema = committedSchema(progress);
    if (!metadata.applied) {
        const failed = metadata.outcomeUnknown
            ? 'got no answer, so the metadata may or may not have been replaced'
            : 'failed';
        return (`${schema}, but applying the metadata of ${metadata.sha} ${failed}: ${message}. ` +
            'Re-run this job to finish: it reverts nothing more and applies the metadata');
    }
    const applied = progress.committed
        ? `${schema} and the metadata of ${metadata.sha} was applied`
        : `The metadata of ${metadata.sha} was applied`;
    return (`${applied}, but Hasura's consistency check (get_inconsistent_metadata) could not be read: ${message}. ` +
        'Re-run this job to check again (it reverts nothing more and re-applies the same metadata), or look for inconsistent objects in the Hasura console (Settings > Metadata Status)');
}
function committedSchema(progress) {
    const reverted = progress.steps.filter((s) => s.status === 'reverted').map((s) => s.version);
    return `The schema rollback was committed (reverted ${reverted.join(', ') || 'nothing'})`;
}
/** Hasura refused the stable metadata as inconsistent: it serves what it served, whatever committed. */
function metadataRefused(progress, sha, objects) {
    const refused = `Hasura refused the metadata of ${sha} as inconsistent and keeps serving the metadata it had, ${objects}`;
    return progress.committed
        ? `${committedSchema(progress)}, but ${refused}`
        : `${refused}. Nothing was changed`;
}
function metadataReport(stable, backup, changes, applied, inconsistentObjects) {
    return {
        ref: stable.ref,
        sha: stable.sha,
        subject: stable.subject,
        backupPath: backup?.path,
        restoreCommand: backup?.restoreCommand,
        changes,
        applied,
        inconsistentObjects,
        uncheckedByGuard: [...(stable.required ?? [])].flatMap(([database, r]) => r.unjudged.map((what) => ({ database, what }))),
    };
}
function withOutcomes(steps, outcomes) {
    return steps.map((s, i) => ({ ...s, ...outcomes[i] }));
}
function planReport(plan, database) {
    return notExecuted(plan.steps).map((outcome, i) => ({
        ...outcome,
        database,
        name: plan.steps[i].name,
        down: plan.steps[i].down,
    }));
}

// The databases one run rolls back: config v2's only one, or (config v3) the Hasura sources the inputs
// select, each with its folder of migrations. Pure: the server's sources and the workspace's folders
// in, the chosen databases or one clear refusal out.
/** Config v2's one database, as the state and reports name it. */
const V2_DATABASE = 'default';
/** Only these run the SQL the rollback sends (run_sql on PostgreSQL). */
const SUPPORTED_KINDS = new Set(['postgres']);
/** The sources of an export_metadata answer (version 3, possibly inside {resource_version, metadata}). */
function sourcesOf(exported, where) {
    const metadata = isRecord(exported) && isRecord(exported.metadata) ? exported.metadata : exported;
    const sources = isRecord(metadata) ? metadata.sources : undefined;
    if (!Array.isArray(sources)) {
        throw new RollbackError(`${where} answered export_metadata without a list of sources: a config v3 project needs a Hasura v2.x server`);
    }
    return sources.filter(isRecord).map((s) => ({ name: String(s.name), kind: String(s.kind ?? 'postgres') }));
}
/** Config v2: the one database, whatever `database-name` says but another name. */
function v2Database(request, directory, migrations) {
    if (request.databaseName !== '' && request.databaseName !== V2_DATABASE) {
        throw new RollbackError(`Input 'database-name' is '${request.databaseName}', but config.yaml is config v2, which has one database: leave 'database-name' empty (or 'default')`);
    }
    return { name: V2_DATABASE, migrationsDirectory: directory, migrations };
}
/**
 * Config v3: the databases to roll back. `database-name` names one (it must be a source of the
 * server), or `all`; empty means every database with a `ref` and no selector, else the only database
 * with a migrations folder. Each must be of a kind whose SQL the rollback can run.
 */
function v3Databases(request, sources, directory, folders) {
    const names = chosenNames(request, sources, folders, directory);
    if (request.databaseUrl && names.length > 1) {
        throw new RollbackError(`Input 'database-url' reaches one database, but this run would roll back ${names.length} (${names.join(', ')}): set 'database-name' to the database at that URL`);
    }
    return names.map((name) => {
        const kind = sources.find((s) => s.name === name)?.kind ?? 'postgres';
        if (!SUPPORTED_KINDS.has(kind)) {
            throw new RollbackError(`Database '${name}' is of kind ${kind}: hasura-rollback runs down migrations on PostgreSQL databases only`);
        }
        return { name, migrationsDirectory: `${directory}/${name}`, migrations: folders.get(name) ?? [] };
    });
}
function chosenNames(request, sources, folders, directory) {
    const known = sources.map((s) => s.name);
    const listed = `the server's databases are ${known.map((n) => `'${n}'`).join(', ') || 'none'}`;
    if (request.databaseName === ALL_DATABASES || (request.databaseName === '' && !request.selector)) {
        // Every database that has migrations here, and every one whose state can say what is applied.
        return sources.filter((s) => folders.has(s.name) || SUPPORTED_KINDS.has(s.kind)).map((s) => s.name);
    }
    if (request.databaseName !== '') {
        if (!known.includes(request.databaseName)) {
            throw new RollbackError(`Input 'database-name' is '${request.databaseName}', but ${listed}`);
        }
        if (!folders.has(request.databaseName)) {
            throw new RollbackError(`Database '${request.databaseName}' (input 'database-name') has no migrations folder ${directory}/${request.databaseName}/ in the workspace: nothing of it can be reverted`);
        }
        return [request.databaseName];
    }
    const withFolder = known.filter((name) => folders.has(name));
    if (withFolder.length === 1)
        return withFolder;
    if (known.length === 0) {
        throw new RollbackError(`The server has no databases (no sources in its metadata): nothing can be reverted`);
    }
    const which = withFolder.length === 0 ? `none of ${known.join(', ')} has` : `${withFolder.join(', ')} each have`;
    throw new RollbackError(`Set input 'database-name': ${which} a migrations folder in ${directory}/ (or 'all' to apply 'count' to each)`);
}

// The Hasura CLI's migration state of a config v3 project: one JSON document per Hasura instance, the
// `cli_state` of its catalog state (hasura-contract-v3.md §3), shaped
// {"migrations": {"<database>": {"<version>": <dirty>}}, "settings": {...}, "isStateCopyCompleted": true}.
// Pure: read from get_catalog_state's answer, changed for one database only, everything else kept as it
// was, numbers digit for digit.
/** get_catalog_state's answer (parsed losslessly) → the catalog state; `where` names the server in errors. */
function parseCatalogState(answer, where) {
    const record = isPlainObject(answer) ? answer : undefined;
    const id = record?.id;
    const cliState = record?.cli_state ?? {};
    if (typeof id !== 'string' || !isPlainObject(cliState)) {
        throw new RollbackError(`${where} answered get_catalog_state without an id and a cli_state object`);
    }
    return { id, cliState };
}
/** The versions applied in `database`, any order. */
function appliedIn(state, database) {
    const byVersion = migrationsOf(state.cliState)[database];
    if (!isPlainObject(byVersion))
        return [];
    return Object.entries(byVersion).map(([version, dirty]) => ({ version, dirty: dirty === true }));
}
/** settings.migration_mode; undefined when not set (the CLI then takes "true"). */
function migrationModeOf(state) {
    const settings = state.cliState.settings;
    const mode = isPlainObject(settings) ? settings.migration_mode : undefined;
    return typeof mode === 'string' && mode !== '' ? mode : undefined;
}
/** False until the CLI copied the config v2 state (hdb_catalog.schema_migrations) into this document. */
function isStateCopyCompleted(state) {
    return state.cliState.isStateCopyCompleted === true;
}
/**
 * The document with `versions` removed from `database` only: every other key (other databases,
 * settings, keys unknown to us) stays exactly as read. Removing the last version leaves `{}`, as the CLI.
 */
function withoutVersions(state, database, versions) {
    const migrations = migrationsOf(state.cliState);
    const current = migrations[database];
    // Nothing of it is recorded: nothing to remove, and no entry is added.
    if (!isPlainObject(current))
        return state.cliState;
    const gone = new Set(versions);
    const kept = Object.fromEntries(Object.entries(current).filter(([version]) => !gone.has(version)));
    return { ...state.cliState, migrations: { ...migrations, [database]: kept } };
}
function migrationsOf(cliState) {
    return isPlainObject(cliState.migrations) ? cliState.migrations : {};
}
/** A JSON object of the lossless document; a JsonNumber is an object to JavaScript, not to JSON. */
function isPlainObject(value) {
    return isRecord(value) && !(value instanceof JsonNumber);
}

// Migrations on disk, found the way the Hasura CLI's file source finds them (cli/migrate/source/file
// Scan + source.Parse): each top-level entry of the migrations directory is either a flat file
// `<version>_<name>.{up|down}.<ext>` or a folder `<version>_<name>/` whose files are matched as
// `<folder>.<file>`, so `1700_x/down.sql` reads as `1700_x.down.sql`. Deeper files are not looked at.
// cli/migrate/source/parse.go: version digits, '_', identifier, direction, extension.
const MIGRATION_FILE = /^([0-9]+)_(.*)\.(down|up)\.(.*)$/;
const MAX_VERSION = 2n ** 64n - 1n;
const NO_TRANSACTION_MARKER = '-- hasura:no-transaction';
const BYTE_ORDER_MARK = '\ufeff';
// The first comment the Console writes when it cannot generate a down migration.
const CONSOLE_PLACEHOLDER = /^--\s*Could not auto-generate a down migration/i;
/**
 * Every migration under `migrationsDirectory` (config v2), ascending by version. Lists files only;
 * nothing is read. A version exists when a `.sql` or `.yaml` file names it; only `.sql` files are
 * runnable (up.yaml/down.yaml are ignored). Files that do not match the CLI's pattern (README,
 * .gitkeep) are ignored. Throws RollbackError for a version above 2^64-1 or two files of one version
 * and direction.
 */
async function scanMigrations(files, migrationsDirectory) {
    const directory = plainDirectory(migrationsDirectory);
    return migrationsIn(await files.listFiles(directory), prefixOf(directory));
}
/**
 * Config v3: the migrations of each database folder `<migrationsDirectory>/<database>/`, scanned as in
 * config v2. A version folder or file directly under the migrations directory belongs to no database:
 * a RollbackError naming it.
 */
async function scanDatabaseMigrations(files, migrationsDirectory) {
    const directory = plainDirectory(migrationsDirectory);
    const prefix = prefixOf(directory);
    const paths = await files.listFiles(directory);
    const byDatabase = new Map();
    for (const path of paths) {
        if (!path.startsWith(prefix))
            continue;
        const parts = path.slice(prefix.length).split('/');
        const direct = parts.length === 1 ? parts[0] : parts.length === 2 ? parts.join('.') : '';
        if (MIGRATION_FILE.test(direct)) {
            throw new RollbackError(`${path} is a migration directly under ${directory}/: config v3 keeps each database's migrations in ${directory}/<database>/; move it into the folder of its database`, { file: path });
        }
        if (parts.length < 2)
            continue;
        const database = parts[0];
        const inFolder = byDatabase.get(database) ?? [];
        inFolder.push(path);
        byDatabase.set(database, inFolder);
    }
    const result = new Map();
    for (const [database, inFolder] of byDatabase) {
        result.set(database, migrationsIn(inFolder, `${prefix}${database}/`));
    }
    return result;
}
const plainDirectory = (directory) => directory.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
const prefixOf = (directory) => (directory === '' || directory === '.' ? '' : `${directory}/`);
/** The migrations that `paths` (the files under `prefix`) hold, ascending by version. */
function migrationsIn(paths, prefix) {
    const byVersion = new Map();
    for (const path of paths) {
        if (!path.startsWith(prefix))
            continue;
        const parts = path.slice(prefix.length).split('/');
        if (parts.length > 2)
            continue;
        const match = MIGRATION_FILE.exec(parts.join('.'));
        if (match === null)
            continue;
        const [, digits = '', name = '', direction, extension] = match;
        if (extension !== 'sql' && extension !== 'yaml')
            continue;
        const version = parseVersion(digits, path);
        const found = byVersion.get(version) ?? {
            version,
            name: undefined,
            up: undefined,
            down: undefined,
            yamlName: undefined,
        };
        byVersion.set(version, found);
        if (extension === 'yaml') {
            found.yamlName ??= name;
            continue;
        }
        const side = direction === 'up' ? 'up' : 'down';
        const existing = found[side];
        if (existing !== undefined) {
            throw new RollbackError(`two ${side} migrations for version ${version}: ${existing} and ${path}; keep one of them`, { file: path });
        }
        found[side] = path;
        if (side === 'up' || found.name === undefined)
            found.name = name;
    }
    return [...byVersion.values()]
        .sort((a, b) => compareVersions(a.version, b.version))
        .map((found) => ({
        version: found.version,
        name: found.name ?? found.yamlName ?? '',
        upFile: found.up,
        downFile: found.down,
    }));
}
function parseVersion(digits, path) {
    const version = BigInt(digits);
    if (version > MAX_VERSION) {
        throw new RollbackError(`migration version ${digits} in ${path} is larger than 18446744073709551615, the largest the Hasura CLI accepts`, { file: path });
    }
    return version.toString();
}
/** The migration's down file, read and scanned once; what pre-flight, the transports and the report use. */
async function readDown(files, migration) {
    const text = migration.downFile === undefined ? undefined : await files.readText(migration.downFile);
    if (text === undefined)
        return { ...downFile(migration.downFile ?? '', ''), verdict: 'missing' };
    return downFile(migration.downFile, text);
}
/** A down file's text as pre-flight, the transports and the report see it. */
function downFile(path, text) {
    // psql skips a UTF-8 byte-order mark at the start of a file; Postgres would read it as part of a word.
    const sql = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
    const scan = scanStatements(sql);
    return { path, sql, scan, verdict: downVerdict(scan), noTransaction: hasNoTransactionMarker(sql) };
}
/** The downs of `versions` that have a migration on disk, read one after another. */
async function readDowns(files, migrations, versions) {
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    const downs = new Map();
    for (const version of versions) {
        const migration = byVersion.get(version);
        if (migration)
            downs.set(version, await readDown(files, migration));
    }
    return downs;
}
// The CLI compares the first line with surrounding whitespace (and a CRLF's '\r') trimmed.
function hasNoTransactionMarker(sql) {
    const newline = sql.indexOf('\n');
    return (newline === -1 ? sql : sql.slice(0, newline)).trim() === NO_TRANSACTION_MARKER;
}
/**
 * 'empty' when the text is zero bytes or whitespace. Nothing but comments (and stray ';'): the
 * Console's placeholder when it starts with its "Could not auto-generate a down migration" header —
 * the down still has to be written — else 'no-op', a hand-written "nothing to undo" that the CLI runs
 * as it is. Else 'runnable'. The SQL lexer decides, as Postgres would.
 */
function downVerdict(scan) {
    if (scan.text.trim() === '')
        return 'empty';
    if (scan.statements.length > 0)
        return 'runnable';
    const first = scan.tokens[0];
    const header = first ? scan.text.slice(first.start, first.end) : '';
    return CONSOLE_PLACEHOLDER.test(header) ? 'placeholder' : 'no-op';
}
/** Orders decimal version strings numerically without converting them to JS numbers. */
function compareVersions(a, b) {
    const left = a.replace(/^0+(?=\d)/, '');
    const right = b.replace(/^0+(?=\d)/, '');
    if (left.length !== right.length)
        return left.length - right.length;
    return left < right ? -1 : left > right ? 1 : 0;
}

// Quoting for the SQL we generate (state, guard, journal, lock): literals, dollar quotes, version lists.
/** A standard string literal: '…' with quotes doubled (standard_conforming_strings is on). */
function sqlLiteral(text) {
    return `'${text.replace(/'/g, "''")}'`;
}
/** `body` dollar-quoted with a tag that does not occur in it (for DO blocks). */
function dollarQuote(body, name = 'body') {
    let tag = `$${name}$`;
    for (let i = 0; body.includes(tag); i++)
        tag = `$${name}${i}$`;
    return `${tag}${body}${tag}`;
}
/** Migration versions (canonical decimal strings) as a comma-separated list of bigint literals. */
function versionsSql(versions) {
    return versions
        .map((version) => {
        if (!/^\d+$/.test(version))
            throw new Error(`not a migration version: ${version}`);
        return version;
    })
        .join(',');
}
/**
 * A JSON value computed by `select` (one column `v`, at most one row) from a table that may not exist.
 * Static SQL naming a missing table fails to parse, so the query runs dynamically through
 * query_to_xml, only when `table` exists; the value travels hex-encoded, which XML leaves untouched.
 */
function jsonFromTableIfExists(table, select) {
    const query = `SELECT encode(convert_to(d.v::text, 'UTF8'), 'hex') AS j FROM (${select}) AS d`;
    const hex = `(xpath('//j/text()', query_to_xml(${sqlLiteral(query)}, false, false, '')))[1]::text`;
    return `CASE WHEN to_regclass(${sqlLiteral(table)}) IS NULL THEN NULL ELSE convert_from(decode(${hex}, 'hex'), 'UTF8')::json END`;
}

// The exceptions our own SQL raises inside a rollback transaction carry a marker, so their answers
// are told apart from a failing down, on both transports (Hasura passes only the message on).
const MARKER = 'hasura-rollback:';
const LOCK_HELD = `${MARKER} lock held`;
const LOCK_WAIT_ENDED = `${MARKER} lock wait ended:`;
const NO_LONGER_APPLIED = `${MARKER} no longer applied:`;
const ROWS_LOCKED = `${MARKER} rows locked:`;
const REHEARSAL_END = `${MARKER} rehearsal passed`;
const DATA_LOSS = `${MARKER} data loss:`;
const DATA_LOSS_UNMEASURED = `${MARKER} data loss not measured:`;
const GUARD_MARKER = 'hasura-rollback guard:';
const JOURNAL_MARKER = 'hasura-rollback journal:';
/** A DO block of our own, its body dollar-quoted with a tag the body does not hold; ends with ';'. */
const doBlock = (body) => `DO ${dollarQuote(`\n${body}\n`, 'hasura_rollback')};\n`;
/**
 * PL/pgSQL that runs `statement` and, when a lock or statement timeout (role or database settings)
 * ends its wait, raises ROWS_LOCKED with the SQLSTATE: the wait for state another session holds.
 */
function waitingForState(statement) {
    return `BEGIN
    ${statement};
  EXCEPTION WHEN lock_not_available OR query_canceled THEN
    RAISE EXCEPTION '${ROWS_LOCKED} % %', SQLSTATE, SQLERRM USING ERRCODE = SQLSTATE;
  END;`;
}
/** `<marker> <SQLSTATE> <message>` inside `message`, as the DO blocks raise it. */
function markedError(message, marker) {
    const at = message.indexOf(marker);
    const found = at < 0 ? null : /^\s*(\w{5}) (.*)$/s.exec(message.slice(at + marker.length));
    return found ? { code: found[1], message: found[2] } : undefined;
}
/** What the message of the error that stopped a rollback transaction says about where it stopped. */
function classifyError(message, rehearsalNonce) {
    if (rehearsalNonce && message.includes(`${REHEARSAL_END} ${rehearsalNonce}`))
        return { kind: 'rehearsal-passed' };
    if (message.includes(LOCK_HELD))
        return { kind: 'lock-held' };
    const loss = message.indexOf(DATA_LOSS);
    if (loss >= 0)
        return { kind: 'data-loss', counts: message.slice(loss + DATA_LOSS.length).trim() };
    const unmeasured = message.indexOf(DATA_LOSS_UNMEASURED);
    if (unmeasured >= 0) {
        return {
            kind: 'data-loss-unmeasured',
            message: message.slice(unmeasured + DATA_LOSS_UNMEASURED.length).trim(),
        };
    }
    const endedBy = markedError(message, LOCK_WAIT_ENDED);
    if (endedBy)
        return { kind: 'lock-held', endedBy };
    const rowsLocked = markedError(message, ROWS_LOCKED);
    if (rowsLocked)
        return { kind: 'rows-locked', cause: rowsLocked };
    const gone = message.indexOf(NO_LONGER_APPLIED);
    if (gone >= 0) {
        const versions = message
            .slice(gone + NO_LONGER_APPLIED.length)
            .split(',')
            .map((v) => v.trim())
            .filter((v) => /^\d+$/.test(v));
        return { kind: 'no-longer-applied', versions };
    }
    if (message.includes(GUARD_MARKER) || message.includes(JOURNAL_MARKER))
        return { kind: 'after-downs' };
    return { kind: 'sql' };
}

// Our own record of each rollback, written in its transaction: "this workflow run (attempt N) committed
// the downs of these versions of this database; the metadata of this commit followed; (config v3) the
// catalog state is still to be written". A re-run of the same workflow run finds it and reverts nothing
// more; a later run finishes a catalog state write that did not happen. The CLI ignores this table.
const JOURNAL_TABLE = 'hdb_catalog.hasura_rollback_journal';
/** The journal record of one run as a JSON value (the whole row, whatever the table's columns), or NULL. */
function readJournalSql(runKey) {
    const row = `SELECT row_to_json(j) AS v FROM ${JOURNAL_TABLE} j WHERE run_key = ${sqlLiteral(runKey)}`;
    return jsonFromTableIfExists(JOURNAL_TABLE, row);
}
function parseJournal(row) {
    if (!isRecord(row))
        return undefined;
    const { versions, metadata_sha: sha, attempt } = row;
    return {
        versions: typeof versions === 'string' ? versions.split(',').filter(Boolean) : [],
        metadataSha: typeof sha === 'string' ? sha : '',
        attempt: typeof attempt === 'number' ? attempt : undefined,
    };
}
// Tables made by earlier releases (run_key, versions, metadata_sha, recorded_at) get the newer columns once.
const ENSURE_TABLE = `IF to_regnamespace('hdb_catalog') IS NULL THEN CREATE SCHEMA hdb_catalog; END IF;
  CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (run_key text PRIMARY KEY, versions text NOT NULL,
    metadata_sha text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), attempt integer, database text,
    state_pending boolean NOT NULL DEFAULT false, id bigserial);
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'hdb_catalog'
      AND table_name = 'hasura_rollback_journal' AND column_name = 'id') THEN
    ALTER TABLE ${JOURNAL_TABLE} ADD COLUMN IF NOT EXISTS attempt integer, ADD COLUMN IF NOT EXISTS database text,
      ADD COLUMN IF NOT EXISTS state_pending boolean NOT NULL DEFAULT false, ADD COLUMN id bigserial;
  END IF;`;
function writeJournalSql(entry) {
    const values = [
        sqlLiteral(entry.runKey),
        sqlLiteral(versionsSql(entry.versions)),
        sqlLiteral(entry.metadataSha ?? ''),
        String(Math.trunc(entry.attempt)),
        entry.database === undefined ? 'NULL' : sqlLiteral(entry.database),
        entry.statePending ? 'true' : 'false',
    ].join(', ');
    const body = `
BEGIN
  ${ENSURE_TABLE}
  INSERT INTO ${JOURNAL_TABLE} (run_key, versions, metadata_sha, attempt, database, state_pending)
    VALUES (${values})
    ON CONFLICT (run_key) DO UPDATE SET versions = EXCLUDED.versions, metadata_sha = EXCLUDED.metadata_sha,
      attempt = EXCLUDED.attempt, database = EXCLUDED.database, state_pending = EXCLUDED.state_pending,
      recorded_at = now();
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION '${JOURNAL_MARKER} %', SQLERRM;
END`;
    return `DO ${dollarQuote(body, 'journal')}`;
}

// Config v3 state SQL, run on one database (Hasura source) by either transport. The migration state is
// the catalog state (catalog-state.ts). When this database also holds Hasura's metadata (its
// hdb_catalog.hdb_version row has the instance's hasura_uuid), the state changes in the rollback's own
// transaction; otherwise the journal records "catalog state still to write", the state is written
// through Hasura after COMMIT, and the journal row is marked written.
const VERSION_TABLE = 'hdb_catalog.hdb_version';
const LEGACY_TABLE = 'hdb_catalog.schema_migrations';
const textArray = (values) => `ARRAY[${values.map(sqlLiteral).join(', ')}]::text[]`;
/** One query, one JSON text cell: what SourceState needs (parse with parseSourceState). */
function readSourceSql(runKey) {
    const uuid = `SELECT to_json(v.hasura_uuid::text) AS v FROM ${VERSION_TABLE} v LIMIT 1`;
    const rows = `SELECT json_agg(row_to_json(j)) AS v FROM ${JOURNAL_TABLE} j`;
    // Versions as text: a bigint in JSON would lose digits beyond 2^53 in JSON.parse.
    const legacy = `SELECT COALESCE(json_agg(json_build_array(m.version::text, m.dirty)), '[]') AS v FROM ${LEGACY_TABLE} m`;
    const fields = [
        `'metadataDbId', ${jsonFromTableIfExists(VERSION_TABLE, uuid)}`,
        `'journalRows', ${jsonFromTableIfExists(JOURNAL_TABLE, rows)}`,
        `'legacy', ${jsonFromTableIfExists(LEGACY_TABLE, legacy)}`,
    ];
    if (runKey !== undefined)
        fields.push(`'journal', ${readJournalSql(runKey)}`);
    return `SELECT json_build_object(${fields.join(', ')})::text AS state`;
}
/** The cell readSourceSql answers with, for `database`; throws on anything else. */
function parseSourceState(cell, database) {
    const parsed = JSON.parse(cell ?? 'null');
    if (!isRecord(parsed) || !('metadataDbId' in parsed)) {
        throw new Error(`unexpected state answer: ${cell}`);
    }
    const rows = Array.isArray(parsed.journalRows) ? parsed.journalRows : [];
    const journalRows = rows
        .filter((row) => row.database === database)
        .map((row) => ({
        id: `${String(row.id)}.${typeof row.attempt === 'number' ? row.attempt : 0}`,
        runKey: String(row.run_key),
        versions: String(row.versions ?? '')
            .split(',')
            .filter(Boolean),
        statePending: row.state_pending === true,
    }));
    const legacy = Array.isArray(parsed.legacy) ? parsed.legacy : undefined;
    return {
        metadataDbId: typeof parsed.metadataDbId === 'string' ? parsed.metadataDbId : undefined,
        journal: parseJournal(parsed.journal),
        journalRows,
        legacyApplied: legacy?.map(([version, dirty]) => ({ version: String(version), dirty: dirty === true })),
    };
}
/**
 * Removes the reverted versions' config v2 state rows (hdb_catalog.schema_migrations) of this
 * database. Needed while isStateCopyCompleted is not true: the CLI's next command copies every row of
 * that table into the catalog state, and would mark a reverted version applied again.
 */
const legacyRowsRemoval = (versions) => `DELETE FROM ${LEGACY_TABLE} WHERE version IN (${versionsSql(versions)});\n`;
/**
 * This database holds the catalog state (hasura_uuid `id`): after the lock, the state row is locked
 * and the planned versions checked in it; each batch of downs removes its versions from
 * `migrations.<database>` in the same transaction, leaving every other key as it is (and, with
 * `legacyRows`, their config v2 state rows).
 */
function catalogStateChange(id, database, versions, legacyRows = false) {
    const row = `hasura_uuid = ${sqlLiteral(id)}::uuid`;
    const path = `ARRAY['migrations', ${sqlLiteral(database)}]`;
    const recheck = doBlock(`DECLARE state jsonb; gone text;
BEGIN
  ${waitingForState(`SELECT cli_state::jsonb INTO state FROM ${VERSION_TABLE} WHERE ${row} FOR UPDATE`)}
  SELECT string_agg(v, ', ' ORDER BY v::numeric DESC) INTO gone FROM unnest(${textArray(versions)}) AS v
    WHERE NOT COALESCE(state #> ${path} ? v, false);
  IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
END`);
    return {
        recheck: versions.length > 0 ? recheck : '',
        locks: `the catalog state in ${VERSION_TABLE}`,
        removeVersions: (batch) => `UPDATE ${VERSION_TABLE} SET cli_state = jsonb_set(cli_state::jsonb, ${path}, (cli_state::jsonb #> ${path}) - ${textArray(batch)}) WHERE ${row};\n` +
            (legacyRows ? legacyRowsRemoval(batch) : ''),
    };
}
/**
 * The catalog state is elsewhere: the transaction changes no catalog state (with `legacyRows`, it
 * removes the config v2 state rows), and fails when a rollback this run did not see when it read this
 * database (its journal row, as written then, is not among `seen`) has reverted one of the planned
 * versions since — this run's catalog state may predate that rollback's state write.
 */
function journalStateChange(database, versions, seen, legacyRows = false) {
    const notSeen = seen.length > 0
        ? `AND (id::text || '.' || COALESCE(attempt, 0)::text) NOT IN (${seen.map(sqlLiteral).join(', ')})`
        : '';
    const recheck = doBlock(`DECLARE gone text;
BEGIN
  IF to_regclass('${JOURNAL_TABLE}') IS NOT NULL THEN
    SELECT string_agg(DISTINCT v, ', ') INTO gone FROM ${JOURNAL_TABLE}, unnest(string_to_array(versions, ',')) AS v
      WHERE database = ${sqlLiteral(database)} ${notSeen} AND v = ANY (${textArray(versions)});
    IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
  END IF;
END`);
    return {
        recheck: versions.length > 0 ? recheck : '',
        locks: `the journal ${JOURNAL_TABLE}`,
        removeVersions: (batch) => (legacyRows ? legacyRowsRemoval(batch) : ''),
    };
}
/** Marks the catalog state writes of these journal rows as done. */
function markStateWrittenSql(runKeys) {
    return `UPDATE ${JOURNAL_TABLE} SET state_pending = false WHERE run_key IN (${runKeys.map(sqlLiteral).join(', ')})`;
}

const STATE_TABLE = 'hdb_catalog.schema_migrations';
const READ_APPLIED_SQL = `SELECT version, dirty FROM ${STATE_TABLE}`;
const SETTINGS_TABLE = 'hdb_catalog.migration_settings';
/** migration_mode, or no row; the settings table may be missing (then migrations are enabled). */
const READ_MIGRATION_MODE_SQL = `SELECT value FROM ${SETTINGS_TABLE} WHERE setting = 'migration_mode'`;
/**
 * Removes the state rows of reverted versions. The CLI writes two statements per down (mark the row
 * clean, then delete it); inside one transaction only the end state can be seen, and that is the same,
 * so one DELETE serves a whole batch (1,000 downs: ~50 ms less than 2,000 statements).
 */
function removeStateRowsSql(versions) {
    return `DELETE FROM ${STATE_TABLE} WHERE version IN (${versionsSql(versions)});\n`;
}
/**
 * After the lock: locks the state rows of the planned versions (count(*) reads, so locks, every row),
 * so two rollbacks started together never revert the same version twice, and fails when one of them is
 * no longer applied (another rollback got there first).
 */
function recheckRowsSql(versions) {
    const list = versionsSql(versions);
    const lock = `PERFORM 1 FROM (SELECT count(*) FROM (SELECT version FROM ${STATE_TABLE} WHERE version IN (${list}) ORDER BY version FOR UPDATE) AS l) AS locked`;
    return doBlock(`DECLARE gone text;
BEGIN
  ${waitingForState(lock)}
  SELECT string_agg(v::text, ', ' ORDER BY v DESC) INTO gone FROM unnest(ARRAY[${list}]::bigint[]) AS v
    WHERE NOT EXISTS (SELECT 1 FROM ${STATE_TABLE} m WHERE m.version = v);
  IF gone IS NOT NULL THEN RAISE EXCEPTION '${NO_LONGER_APPLIED} %', gone; END IF;
END`);
}
/** The state change of a config v2 rollback of `versions`: their rows, locked first, then deleted. */
function stateRowsChange(versions) {
    return {
        recheck: versions.length > 0 ? recheckRowsSql(versions) : '',
        locks: `the rows of the planned versions in ${STATE_TABLE}`,
        removeVersions: removeStateRowsSql,
    };
}
/**
 * Everything AppliedState needs as one JSON text cell (column `state`): one query, one round trip, on
 * either transport. Read it with parseStateCell.
 */
function readStateSql(runKey) {
    // Versions as text: a bigint in JSON would lose digits beyond 2^53 in JSON.parse.
    const applied = `SELECT json_agg(json_build_array(a.version::text, a.dirty)) AS v FROM (${READ_APPLIED_SQL}) AS a`;
    const mode = `SELECT to_json(m.value) AS v FROM (${READ_MIGRATION_MODE_SQL}) AS m LIMIT 1`;
    const fields = [
        `'stateTableExists', to_regclass(${sqlLiteral(STATE_TABLE)}) IS NOT NULL`,
        `'applied', ${jsonFromTableIfExists(STATE_TABLE, applied)}`,
        `'migrationMode', ${jsonFromTableIfExists(SETTINGS_TABLE, mode)}`,
    ];
    if (runKey !== undefined) {
        fields.push(`'journal', ${readJournalSql(runKey)}`);
    }
    return `SELECT json_build_object(${fields.join(', ')})::text AS state`;
}
/** The cell readStateSql answers with → AppliedState; throws on anything else. */
function parseStateCell(cell) {
    const parsed = JSON.parse(cell ?? 'null');
    if (parsed === null || typeof parsed.stateTableExists !== 'boolean') {
        throw new Error(`unexpected state answer: ${cell}`);
    }
    const applied = (parsed.applied ?? []).map(([version, dirty]) => ({
        version: String(version),
        dirty: dirty === true,
    }));
    const migrationMode = typeof parsed.migrationMode === 'string' ? parsed.migrationMode : undefined;
    const journal = parseJournal(parsed.journal);
    return { stateTableExists: parsed.stateTableExists, applied, migrationMode, journal };
}

/** Config v2: the one database's state rows (and this run's journal record). */
async function readRowsState(database, transport, runKey) {
    const cell = await transport.readState(readStateSql(runKey));
    let state;
    try {
        state = parseStateCell(cell);
    }
    catch (error) {
        throw new RollbackError(`The migration state query answered unexpectedly: ${errorMessage(error)}`);
    }
    return { database, transport, state, store: { kind: 'rows' }, runKey, problems: [], unwritten: [] };
}
/**
 * Config v3: what each database records (read first: a rollback it does not show committed after it),
 * then the catalog state once. A catalog state write an earlier rollback left undone is finished here,
 * before anything is planned on it.
 */
async function readCatalogStates(databases, access) {
    const sources = [];
    for (const { database, transport, runKey } of databases) {
        sources.push(parseSourceState(await transport.readState(readSourceSql(runKey)), database.name));
    }
    const pending = sources.map((s) => s.journalRows.filter((r) => r.statePending));
    const catalog = await finishPendingWrites(databases, pending, await readCatalog(access), access);
    return databases.map(({ database, transport, runKey }, i) => {
        const source = sources[i];
        const state = {
            stateTableExists: true,
            applied: appliedIn(catalog, database.name),
            // Checked below, in the catalog state's words (plan.ts speaks of config v2's settings table).
            migrationMode: undefined,
            journal: source.journal,
        };
        // The CLI still copies config v2's rows into the catalog state once: reverted ones must go too.
        const legacyRows = !isStateCopyCompleted(catalog) && source.legacyApplied !== undefined;
        const store = source.metadataDbId === catalog.id
            ? { kind: 'catalog', id: catalog.id, legacyRows }
            : { kind: 'journal', seen: source.journalRows.map((r) => r.id), legacyRows };
        const problems = [...migrationsDisabled(catalog), ...uncopiedState(catalog, database.name, source)];
        const unwritten = pending[i].flatMap((r) => r.versions);
        return { database, transport, state, store, runKey, problems, unwritten };
    });
}
async function readCatalog(access) {
    const answer = await access.api.metadata({ type: 'get_catalog_state', args: {} }, { lossless: true });
    return parseCatalogState(answer, access.where);
}
/** How a rollback of `versions` changes this database's state, inside its transaction. */
function stateChangeOf(db, versions) {
    switch (db.store.kind) {
        case 'rows':
            return stateRowsChange(versions);
        case 'catalog':
            return catalogStateChange(db.store.id, db.database.name, versions, db.store.legacyRows);
        case 'journal':
            return journalStateChange(db.database.name, versions, db.store.seen, db.store.legacyRows);
    }
}
/**
 * After the COMMIT of a database whose catalog state is elsewhere: the state re-read just before it is
 * written, only this database's versions removed, then the journal row marked written.
 */
async function writeCatalogState(db, reverted, access) {
    const catalog = await readCatalog(access);
    const cliState = withoutVersions(catalog, db.database.name, reverted);
    await access.api.metadata({ type: 'set_catalog_state', args: { type: 'cli', state: cliState } });
    if (db.runKey)
        await markWritten(db.transport, [db.runKey], access);
}
/**
 * The catalog state writes earlier rollbacks committed their downs for but did not make (journal rows
 * still pending), made now — in a dry run only applied to the state this run plans on.
 */
async function finishPendingWrites(databases, pending, catalog, access) {
    let cliState = catalog.cliState;
    const finished = [];
    databases.forEach(({ database, transport }, i) => {
        const rows = pending[i];
        if (rows.length === 0)
            return;
        const versions = rows.flatMap((r) => r.versions);
        cliState = withoutVersions({ ...catalog, cliState }, database.name, versions);
        finished.push({ transport, runKeys: rows.map((r) => r.runKey) });
    });
    if (finished.length === 0)
        return catalog;
    if (access.dryRun)
        return { ...catalog, cliState };
    await access.api.metadata({ type: 'set_catalog_state', args: { type: 'cli', state: cliState } });
    for (const { transport, runKeys } of finished)
        await markWritten(transport, runKeys, access);
    return { ...catalog, cliState };
}
/** The journal rows' catalog state writes are done (in a transaction of their own, under the lock). */
async function markWritten(transport, runKeys, access) {
    const marked = await transport.execute([], {
        dryRun: false,
        lockTimeoutSeconds: access.lockTimeoutSeconds,
        state: NO_STATE_CHANGE,
        afterDowns: markStateWrittenSql(runKeys),
    });
    if (marked.failure)
        throw new RollbackError(marked.failure.message);
}
/** settings.migration_mode other than "true": the CLI refuses every migration ("Migration mode is disabled"). */
function migrationsDisabled(catalog) {
    const mode = migrationModeOf(catalog);
    if (mode === undefined || mode === 'true')
        return [];
    return [
        {
            message: `Migrations are disabled: the catalog state's settings.migration_mode is '${mode}', and the Hasura CLI refuses to migrate too`,
        },
    ];
}
/**
 * isStateCopyCompleted is false: the CLI has not yet copied config v2's state rows of this database into
 * the catalog state. Refused while a row is missing from it; nothing is lost by going on otherwise.
 */
function uncopiedState(catalog, database, source) {
    if (isStateCopyCompleted(catalog) || !source.legacyApplied)
        return [];
    const applied = new Set(appliedIn(catalog, database).map((a) => a.version));
    const missing = source.legacyApplied
        .map((a) => a.version)
        .filter((v) => !applied.has(v))
        .sort(compareVersions);
    if (missing.length === 0)
        return [];
    return [
        {
            message: `its migration state is still in hdb_catalog.schema_migrations, not yet copied into the catalog state (isStateCopyCompleted is false; ${missing.length} version(s) missing there: ${versionList(missing)}): run 'hasura scripts update-project-v3 --move-state-only' (or any 'hasura migrate' command of a v2.x CLI), then run the rollback again`,
        },
    ];
}

// Statements of a scanned SQL script as psql splits them (scan.ts), what must follow a script so the
// next one sent in the same query starts afresh, and PostgreSQL error positions mapped to lines.
//
// Units: `SqlStatement.startOffset` is a UTF-16 index (String#slice). PostgreSQL's error `position`
// counts Unicode code points (characters of the UTF-8 server encoding). Lines are 1-based and end at '\n'.
/** The statements psql would send; statements holding only comments or nothing are dropped. */
function splitStatements(scan) {
    return scan.statements.map(({ first, last }) => {
        const start = scan.tokens[first];
        const end = scan.tokens[last];
        return { text: scan.text.slice(start.start, end.end), startOffset: start.start, startLine: start.line };
    });
}
const UNTERMINATED = {
    'block-comment': 'a /* comment (block comments nest in PostgreSQL: each /* needs its own */)',
    string: 'a quoted string',
    'quoted-identifier': 'a double-quoted identifier',
    'dollar-string': 'a dollar-quoted string',
};
/**
 * What to append to a script so that a script sent after it in the same query runs as if sent alone:
 * ';' when its last statement is open, a newline first when it ends in a `--` comment, and a final
 * newline. A script that ends inside a block comment, a quoted string or identifier, a dollar quote or
 * a BEGIN ATOMIC body would swallow what follows: a RollbackError naming `file`.
 */
function scriptEnding(scan, file) {
    const lastToken = scan.tokens.at(-1);
    if (lastToken?.unterminated === true) {
        throw new RollbackError(`${file} ends inside ${UNTERMINATED[lastToken.kind] ?? 'a literal'} opened on line ${lastToken.line}`, { file, line: lastToken.line });
    }
    if (scan.openBeginDepth > 0) {
        throw new RollbackError(`${file} ends inside a BEGIN ATOMIC function body: it needs its END;`, { file });
    }
    let tail = lastToken?.kind === 'line-comment' && lastToken.end === scan.text.length ? '\n' : '';
    if (scan.openAtEnd)
        tail += ';';
    if (scan.text !== '' && !(scan.text + tail).endsWith('\n'))
        tail += '\n';
    return tail;
}
/**
 * The line (1-based) of a PostgreSQL error `position` (1-based, in code points) in `text`, the query
 * that failed; a position past the end maps to the last line.
 */
function lineAtPosition(text, position) {
    const target = Math.max(0, position - 1);
    let line = 1;
    let codePoint = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (isSurrogatePairAt(text, i))
            i++;
        if (codePoint === target || i === text.length - 1)
            return line;
        if (code === 0x0a)
            line++;
        codePoint++;
    }
    return line;
}
// A lone surrogate counts as one character: it reaches the server as one U+FFFD.
function isSurrogatePairAt(text, i) {
    const high = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

const NO_STATE_TABLE = 'hdb_catalog.schema_migrations does not exist: no migration is applied on this database';
function selectVersions(selector, state) {
    const appliedDesc = state.applied.map((a) => a.version).sort((a, b) => compareVersions(b, a));
    const notes = state.stateTableExists ? [] : [NO_STATE_TABLE];
    switch (selector.kind) {
        case 'version': {
            if (appliedDesc.includes(selector.version))
                return { versions: [selector.version], problems: [], notes };
            const why = state.stateTableExists ? '' : ` (${NO_STATE_TABLE})`;
            const message = `Version ${selector.version} (input 'version') is not applied on the database${why}`;
            return { versions: [], problems: [{ message, version: selector.version }], notes };
        }
        case 'count': {
            const { count } = selector;
            if (count !== 'all' && appliedDesc.length > 0 && count > appliedDesc.length) {
                const message = `Input 'count' is ${count} but only ${appliedDesc.length} version(s) are applied: nothing was reverted`;
                return { versions: [], problems: [{ message }], notes };
            }
            return { versions: count === 'all' ? appliedDesc : appliedDesc.slice(0, count), problems: [], notes };
        }
        case 'to-version': {
            if (!appliedDesc.includes(selector.version)) {
                const message = `Version ${selector.version} (input 'to-version') is not applied on the database, so it cannot stay as the newest applied version`;
                return { versions: [], problems: [{ message, version: selector.version }], notes };
            }
            const above = appliedDesc.filter((v) => compareVersions(v, selector.version) > 0);
            return { versions: above, problems: [], notes };
        }
    }
}
/**
 * Rollback to a stable ref: every applied version whose migration the ref lacks, highest first. The
 * ref's versions missing from the database are reported, not touched (applying is not our job).
 */
function selectByRef(state, refVersions, ref) {
    const applied = new Set(state.applied.map((a) => a.version));
    const versions = [...applied].filter((v) => !refVersions.has(v)).sort((a, b) => compareVersions(b, a));
    const notApplied = [...refVersions].filter((v) => !applied.has(v)).sort(compareVersions);
    const notes = state.stateTableExists ? [] : [NO_STATE_TABLE];
    if (notApplied.length > 0) {
        notes.push(`Ref '${ref}' has ${notApplied.length} migration(s) not applied on the database (left as they are): ${notApplied.join(', ')}`);
    }
    return { versions, problems: [], notes };
}
const DOWN_VERDICT_PROBLEM = {
    runnable: undefined,
    'no-op': undefined,
    missing: 'has no down.sql',
    empty: 'has an empty down.sql',
    placeholder: 'has a down.sql holding only comments (the Console placeholder): write the down migration',
};
/** Pre-flight of every selected version; the plan has steps only when there is no problem. */
function planRollback(input) {
    const { selection, state } = input;
    const problems = [...selection.problems];
    if (state.migrationMode !== undefined && state.migrationMode !== 'true') {
        problems.push({
            message: `Migrations are disabled on this database (hdb_catalog.migration_settings migration_mode is '${state.migrationMode}'), as the Hasura CLI would refuse`,
        });
    }
    const byVersion = new Map(input.migrations.map((m) => [m.version, m]));
    const dirty = new Set(state.applied.filter((a) => a.dirty).map((a) => a.version));
    const steps = [];
    for (const version of selection.versions) {
        const migration = byVersion.get(version);
        if (!migration) {
            problems.push({
                version,
                message: `Version ${version} is applied but has no migration in ${input.migrationsDirectory}/ of the workspace: its down SQL is unknown`,
            });
            continue;
        }
        const label = `Migration ${version}${migration.name ? `_${migration.name}` : ''}`;
        if (dirty.has(version) && !input.allowDirty) {
            problems.push({
                version,
                message: `${label} is marked dirty in ${input.stateName}: fix the database, or set 'allow-dirty: true' to revert it anyway`,
            });
        }
        const down = input.downs.get(version);
        const downProblem = DOWN_VERDICT_PROBLEM[down?.verdict ?? 'missing'];
        if (!down || downProblem) {
            const file = down?.path || migration.downFile || migration.upFile;
            problems.push({ version, file, message: `${label} ${downProblem ?? DOWN_VERDICT_PROBLEM.missing}` });
            continue;
        }
        const unsafe = transactionProblem(down);
        if (unsafe) {
            problems.push({ version, file: down.path, message: `${label}: ${unsafe}` });
            continue;
        }
        if (down.noTransaction) {
            problems.push({
                version,
                file: down.path,
                message: `${label}: ${down.path} is marked '-- hasura:no-transaction' and cannot run inside the rollback transaction`,
            });
            continue;
        }
        steps.push({ version, name: migration.name, down });
    }
    return { steps: problems.length > 0 ? [] : steps, problems, notes: selection.notes };
}
const TRANSACTION_CONTROL = /^(begin|commit|rollback|end|abort|start\s+transaction|prepare\s+transaction)\b/i;
/**
 * A down that controls the transaction itself (COMMIT, BEGIN…) would end the one rollback
 * transaction half way; one that ends inside a quote or comment would swallow the next file.
 */
function transactionProblem(down) {
    try {
        scriptEnding(down.scan, down.path);
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
    const control = splitStatements(down.scan).find((s) => TRANSACTION_CONTROL.test(s.text.trim()));
    if (!control)
        return undefined;
    const word = control.text.trim().split(/\s+/)[0].toUpperCase();
    return `${down.path}:${control.startLine} has ${word}, which would end the rollback transaction half way: remove it (the rollback runs in one transaction)`;
}

function valuesList(rows) {
    return rows.map((r) => `(${r.map(sqlLiteral).join(', ')})`).join(', ');
}
/** undefined when the metadata references nothing (no check needed). */
function guardSql(required) {
    const checks = [];
    if (required.tables.length > 0) {
        checks.push(`SELECT 'table ' || s || '.' || n FROM (VALUES ${valuesList(required.tables.map((t) => [t.schema, t.name]))}) AS t(s, n)
       WHERE to_regclass(quote_ident(s) || '.' || quote_ident(n)) IS NULL`);
    }
    if (required.columns.length > 0) {
        checks.push(`SELECT 'column ' || s || '.' || t || '.' || c FROM (VALUES ${valuesList(required.columns.map((c) => [c.schema, c.table, c.column]))}) AS x(s, t, c)
       WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(quote_ident(s) || '.' || quote_ident(t))
         AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)`);
    }
    if (required.functions.length > 0) {
        checks.push(`SELECT 'function ' || s || '.' || f FROM (VALUES ${valuesList(required.functions.map((f) => [f.schema, f.name]))}) AS x(s, f)
       WHERE NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace WHERE ns.nspname = s AND p.proname = f)`);
    }
    if (checks.length === 0)
        return undefined;
    const body = `
DECLARE missing text;
BEGIN
  SELECT string_agg(m, ', ') INTO missing FROM (${checks.join('\n  UNION ALL\n  ')}) AS found(m);
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '${GUARD_MARKER} %', missing;
  END IF;
END`;
    return `DO ${dollarQuote(body, 'guard')}`;
}
/** The missing objects named by a guard failure message, or undefined when it is not one. */
function parseGuardFailure(message) {
    const at = message.indexOf(GUARD_MARKER);
    return at < 0 ? undefined : message.slice(at + GUARD_MARKER.length).trim();
}

// The databases of one run, from their state to their transactions: opened and read (config v2's one
// database, or config v3's sources), planned each on its own, then rolled back each in its own
// transaction — every one rehearsed before the first commits when there are several.
/** Connects to each database of the run and reads its state; config v3 asks the server for its sources. */
async function openDatabases(request, deps, project, progress) {
    const { config } = project;
    const connect = async (database) => {
        const transport = await deps.connect(config, config.version === 3 ? database.name : undefined);
        progress.transports.push(transport);
        return transport;
    };
    if (!(project.migrations instanceof Map)) {
        const database = v2Database(request, config.migrationsDirectory, project.migrations);
        return { databases: [await readRowsState(database, await connect(database), deps.run?.key)], sources: [] };
    }
    const access = catalogAccess(request, deps, config);
    const exported = await access.api.metadata({ type: 'export_metadata', args: {} });
    const sources = sourcesOf(exported, access.where);
    const databases = v3Databases(request, sources, config.migrationsDirectory, project.migrations);
    // Config v3 always keeps a journal row: without one, a catalog state write cut short could not be finished.
    const runKey = deps.run?.key ?? `local/${node_crypto.randomUUID()}`;
    const opened = [];
    for (const database of databases) {
        opened.push({ database, transport: await connect(database), runKey: `${runKey}#${database.name}` });
    }
    return { databases: await readCatalogStates(opened, access), sources };
}
function catalogAccess(request, deps, config) {
    return {
        api: deps.metadataApi(config),
        where: `Hasura at ${config.endpoint}`,
        log: deps.log,
        lockTimeoutSeconds: request.lockTimeoutSeconds,
        dryRun: request.dryRun,
    };
}
/** Each database's selection and pre-flight; a v3 database's problems name it. */
async function planDatabases(request, deps, databases, stable, configVersion) {
    const plans = [];
    for (const db of databases) {
        const resumed = resumedAttempt(db.state);
        const selection = resumed
            ? resumedSelection(resumed)
            : db.unwritten.length > 0
                ? unwrittenSelection(db.unwritten, request.dryRun)
                : select(request, db, stable);
        const { migrations, migrationsDirectory } = db.database;
        const downs = await readDowns(deps.files, migrations, selection.versions);
        const { allowDirty } = request;
        const plan = planRollback({
            selection,
            state: db.state,
            migrations,
            downs,
            allowDirty,
            migrationsDirectory,
            stateName: configVersion === 3 ? 'the catalog state' : 'hdb_catalog.schema_migrations',
        });
        const named = (message) => configVersion === 3 ? `Database ${db.database.name}: ${message}` : message;
        const problems = [...db.problems, ...plan.problems].map((p) => ({ ...p, message: named(p.message) }));
        plans.push({
            db,
            plan: { ...plan, problems, notes: plan.notes.map(named), steps: problems.length ? [] : plan.steps },
        });
    }
    return plans;
}
/**
 * An earlier attempt of this workflow run committed its downs ("Re-run jobs"): revert nothing more —
 * but only while every version it reverted is still reverted. A re-run that re-deployed them (the
 * deploy step runs again before the rollback) must roll back again.
 */
function resumedAttempt(state) {
    const applied = new Set(state.applied.map((a) => a.version));
    const journal = state.journal;
    return journal && journal.versions.every((v) => !applied.has(v)) ? journal : undefined;
}
function resumedSelection(journal) {
    const versions = journal.versions.join(', ') || 'no version';
    const by = journal.attempt
        ? `Attempt ${journal.attempt} of this workflow run`
        : 'An earlier attempt of this run';
    return {
        versions: [],
        problems: [],
        notes: [`${by} already reverted ${versions}: nothing more is reverted`],
    };
}
/**
 * An earlier rollback committed the downs of `versions` but not their catalog state write: the run that
 * finds it writes it and reverts nothing more, so running again after such a failure never reverts
 * more than was asked for then.
 */
function unwrittenSelection(versions, dryRun) {
    const written = dryRun ? 'a run that is not a dry run writes it' : 'this run wrote it';
    return {
        versions: [],
        problems: [],
        notes: [
            `An earlier rollback reverted ${versionList(versions)} but did not write the catalog state: ${written} and reverts nothing more; run the rollback again to revert more`,
        ],
    };
}
function select(request, db, stable) {
    if (request.selector)
        return selectVersions(request.selector, db.state);
    const atRef = stable?.migrations?.get(db.database.name) ?? [];
    return selectByRef(db.state, new Set(atRef.map((m) => m.version)), request.ref);
}
/** The guard of a database: what the stable metadata needs there, checked in its transaction. */
function guardOf(stable, database) {
    const required = stable?.required?.get(database)?.required;
    return required && guardSql(required);
}
/**
 * Rolls back each database that has downs to run or a guard to check: one transaction each. With
 * several, every transaction is first rehearsed (run and rolled back), so none commits unless all can.
 */
async function executeDatabases(request, deps, run, progress) {
    const { stable } = run;
    const work = run.plans.filter((p) => p.plan.steps.length > 0 || guardOf(stable, p.db.database.name));
    if (work.length > 1 && !request.dryRun) {
        for (const p of work) {
            const { failure } = await executeDatabase(request, deps, p, run, progress, true);
            if (failure)
                return failure;
        }
        // Rehearsed, not yet run: each step starts again from not executed.
        progress.steps = run.plans.flatMap((p) => planReport(p.plan, p.db.database.name));
    }
    const committed = [];
    for (const [i, p] of work.entries()) {
        const { failure, committed: done } = await executeDatabase(request, deps, p, run, progress, request.dryRun);
        if (done)
            committed.push(p.db.database.name);
        if (failure && work.length === 1)
            return failure;
        if (failure)
            return partlyRolledBack(committed, work.slice(i + (done ? 1 : 0)), failure);
    }
    return undefined;
}
/** One database's transaction (a rehearsal when `dryRun`), then its catalog state write if it is elsewhere. */
async function executeDatabase(request, deps, { db, plan }, { stable, access }, progress, dryRun) {
    const { log } = deps;
    const name = db.database.name;
    const versions = plan.steps.map((s) => s.version);
    const label = progress.configVersion === 3 ? ` database ${name}` : '';
    if (versions.length > 0)
        log.info(`Plan${label}: revert ${versions.length} migration(s), highest first: ${versionList(versions)}`);
    const started = deps.now().getTime();
    const execution = await log.group(`${dryRun ? 'Rehearse the rollback' : 'Revert'}${label}`, async () => {
        const targets = lossTargetsOf(plan.steps);
        const ran = await db.transport.execute(plan.steps, {
            dryRun,
            lockTimeoutSeconds: request.lockTimeoutSeconds,
            state: stateChangeOf(db, versions),
            afterDowns: afterDownsSql(deps, db, versions, stable, dryRun),
            dataLoss: { targets, refuse: request.dataLoss === 'refuse' },
        });
        const measured = targets.map((t, i) => ({ ...t, database: name, count: ran.dataLoss?.[i] }));
        progress.dataLoss = [...progress.dataLoss.filter((d) => d.database !== name), ...measured];
        const others = progress.steps.filter((s) => s.database !== name);
        progress.steps = [...others, ...withOutcomes(planReport(plan, name), ran.steps)];
        for (const s of progress.steps.filter((s) => s.database === name)) {
            log.info(`${s.status} ${migrationLabel(s)}${s.durationMs === undefined ? '' : ` in ${formatDuration(s.durationMs)}`}`);
        }
        return ran;
    });
    const verb = dryRun ? 'rehearsed' : execution.committed ? 'reverted' : 'undone';
    const done = execution.steps.filter((s) => s.status === 'reverted' || s.status === 'rehearsed').length;
    const took = deps.now().getTime() - started;
    log.info(`Total: ${done} of ${versions.length} migration(s) ${verb} in ${took} ms (one transaction)`);
    if (execution.committed)
        progress.committed = true;
    const outcome = await writeStateAfterCommit(db, versions, execution.committed, access);
    progress.databases = [...progress.databases.filter((d) => d.name !== name), outcome.database];
    return { failure: execution.failure ?? outcome.failure, committed: execution.committed };
}
function afterDownsSql(deps, db, versions, stable, dryRun) {
    const journal = db.runKey && versions.length > 0 && !dryRun
        ? writeJournalSql({
            runKey: db.runKey,
            attempt: deps.run?.attempt ?? 1,
            versions,
            metadataSha: stable?.metadata ? stable.sha : undefined,
            database: db.store.kind === 'rows' ? undefined : db.database.name,
            statePending: db.store.kind === 'journal',
        })
        : '';
    return [guardOf(stable, db.database.name), journal].filter(Boolean).join(';\n') || undefined;
}
/** The catalog state write after COMMIT of a database whose state is held elsewhere. */
async function writeStateAfterCommit(db, versions, committed, access) {
    const name = db.database.name;
    if (!committed || db.store.kind !== 'journal' || versions.length === 0 || !access) {
        return { database: { name, committed } };
    }
    try {
        await writeCatalogState(db, versions, access);
        return { database: { name, committed, stateWrite: 'written' } };
    }
    catch (error) {
        const message = `The downs of database ${name} were committed (reverted ${versionList(versions)}), but writing the catalog state through Hasura failed: ${errorMessage(error)}. Run the rollback again: it finishes the write and reverts nothing more`;
        return { database: { name, committed, stateWrite: 'failed' }, failure: { message } };
    }
}
/** A database's rollback failed among several: say exactly which were rolled back and which were not. */
function partlyRolledBack(committed, notRolledBack, failure) {
    const rolledBack = committed.length > 0 ? `Rolled back database(s) ${committed.join(', ')}` : 'Rolled back no database';
    const rest = notRolledBack.map((p) => p.db.database.name);
    const notYet = rest.length > 0 ? `; not rolled back: ${rest.join(', ')}` : '';
    const again = rest.length > 0 ? 'Run the rollback again to roll back the rest: what is rolled back stays so' : '';
    return { ...failure, message: `${rolledBack}${notYet}. ${failure.message}${again ? `. ${again}` : ''}` };
}

async function checkDatabasesNotRolledBack(request, deps, run, progress) {
    for (const source of run.sources) {
        // No guard: nothing required there, or a kind the guard cannot read (listed as unchecked).
        const guard = run.rolledBack.includes(source.name) ? undefined : guardOf(run.stable, source.name);
        if (!guard)
            continue;
        const transport = await deps.connectSource(run.config, source.name);
        progress.transports.push(transport);
        const checked = await deps.log.group(`Check the stable metadata against database ${source.name}`, () => transport.execute([], {
            dryRun: true,
            lockTimeoutSeconds: request.lockTimeoutSeconds,
            state: NO_STATE_CHANGE,
            afterDowns: guard,
        }));
        if (checked.failure) {
            const message = `Database ${source.name} (not rolled back by this run): ${checked.failure.message}`;
            return { ...checked.failure, message };
        }
    }
    return undefined;
}

// Table and function names as metadata writes them: a bare name (schema public), `{schema, name}`,
// BigQuery's `{dataset, name}` or a data connector's list of name parts.
/** A PostgreSQL-style name (bare or `{schema, name}`), or undefined when `value` is not one. */
function qualifiedName(value) {
    if (typeof value === 'string')
        return { schema: 'public', name: value };
    if (isRecord(value) && typeof value.name === 'string') {
        return { schema: typeof value.schema === 'string' ? value.schema : 'public', name: value.name };
    }
    return undefined;
}
/** `schema.name` for messages and summaries, whatever form the name takes. */
function formatName(value) {
    const name = qualifiedName(value);
    if (isRecord(value) && typeof value.dataset === 'string' && name !== undefined)
        return `${value.dataset}.${name.name}`;
    if (name !== undefined)
        return `${name.schema}.${name.name}`;
    if (Array.isArray(value) && value.every((part) => typeof part === 'string'))
        return value.join('.');
    return JSON.stringify(value);
}

// What re-applying the stable metadata changes against the server's current metadata, in words a
// reviewer can check: tables tracked or untracked, relationships, permissions, actions, remote
// schemas… (pure). Config v2: both sides are first brought to the version-2 shape. Config v3: per
// database, each change naming its database ("table public.users in database default").
/** The metadata of a server export, with or without the `{resource_version, metadata}` envelope. */
function unwrapExport(exported) {
    const m = isRecord(exported) && isRecord(exported.metadata) ? exported.metadata : exported;
    return isRecord(m) ? m : {};
}
/** A server export (version 2 object, `{resource_version, metadata}`, or version 3 with sources) → version-2 shape. */
function toVersion2(exported) {
    const m = unwrapExport(exported);
    if (Array.isArray(m.sources)) {
        const source = m.sources.find((s) => isRecord(s) && s.name === 'default') ?? m.sources[0];
        const rest = { ...m };
        delete rest.sources;
        return {
            ...rest,
            tables: isRecord(source) ? source.tables : [],
            functions: isRecord(source) ? source.functions : [],
        };
    }
    return m;
}
/** Stable JSON: object keys sorted, so equal metadata compares equal whatever the key order. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (isRecord(value)) {
        return `{${Object.keys(value)
            .filter((k) => value[k] !== undefined && value[k] !== null)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value);
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
/** Compares two keyed lists; `label(key)` words one entry. */
function compareLists(before, after, key, label, changes, nested) {
    const a = new Map(before.map((e) => [key(e), e]));
    const b = new Map(after.map((e) => [key(e), e]));
    for (const [k, entry] of b) {
        const old = a.get(k);
        if (old === undefined)
            changes.push({ kind: 'added', what: label(k) });
        else if (canonical(old) !== canonical(entry)) {
            if (nested)
                nested(k, old, entry);
            else
                changes.push({ kind: 'changed', what: label(k) });
        }
    }
    for (const k of a.keys())
        if (!b.has(k))
            changes.push({ kind: 'removed', what: label(k) });
}
const byName = (e) => isRecord(e) ? String(e.name ?? e.role ?? e.collection ?? e.role_name ?? canonical(e)) : canonical(e);
/** The name under `key` of an entry (`table`, `function`, …) as `schema.name`. */
const nameAt = (key) => (e) => formatName(isRecord(e) ? e[key] : e);
const TABLE_PARTS = [
    ['object_relationships', 'object relationship'],
    ['array_relationships', 'array relationship'],
    ['remote_relationships', 'remote relationship'],
    ['computed_fields', 'computed field'],
    ['insert_permissions', 'insert permission for role'],
    ['select_permissions', 'select permission for role'],
    ['update_permissions', 'update permission for role'],
    ['delete_permissions', 'delete permission for role'],
    ['event_triggers', 'event trigger'],
];
const TOP_LEVEL = [
    ['actions', 'action'],
    ['remote_schemas', 'remote schema'],
    ['cron_triggers', 'cron trigger'],
    ['query_collections', 'query collection'],
    ['allowlist', 'allow-list entry'],
];
/** Tables tracked, untracked or changed (part by part); `where` ends each label, e.g. ' in database x'. */
function compareTables(before, after, where, changes) {
    compareLists(list(before), list(after), nameAt('table'), (k) => `table ${k}${where}`, changes, (table, old, now) => {
        const o = old;
        const n = now;
        for (const [part, word] of TABLE_PARTS) {
            compareLists(list(o[part]), list(n[part]), byName, (k) => `${word} ${k} on ${table}${where}`, changes);
        }
        const rest = (t) => canonical(Object.fromEntries(Object.entries(t).filter(([k]) => !TABLE_PARTS.some(([p]) => p === k))));
        if (rest(o) !== rest(n))
            changes.push({ kind: 'changed', what: `configuration of table ${table}${where}` });
    });
}
function compareTopLevel(before, after, sections, changes) {
    for (const [section, word] of sections) {
        compareLists(list(before[section]), list(after[section]), byName, (k) => `${word} ${k}`, changes);
    }
    if (canonical(before.custom_types ?? null) !== canonical(after.custom_types ?? null)) {
        changes.push({ kind: 'changed', what: 'action custom types' });
    }
}
function diffMetadata(current, stable) {
    const before = toVersion2(current);
    const after = stable;
    const changes = [];
    compareTables(before.tables, after.tables, '', changes);
    compareLists(list(before.functions), list(after.functions), nameAt('function'), (k) => `function ${k}`, changes);
    compareTopLevel(before, after, TOP_LEVEL, changes);
    return changes;
}
const SOURCE_PARTS = [
    ['functions', 'function', nameAt('function')],
    ['logical_models', 'logical model', byName],
    ['native_queries', 'native query', (e) => (isRecord(e) ? String(e.root_field_name) : canonical(e))],
    ['stored_procedures', 'stored procedure', nameAt('stored_procedure')],
];
const V3_TOP_LEVEL = [
    ...TOP_LEVEL,
    ['rest_endpoints', 'REST endpoint'],
    ['inherited_roles', 'inherited role'],
];
/** Sections compared whole: [key, what changes]. */
const V3_SETTINGS = [
    ['network', 'network settings'],
    ['api_limits', 'API limits'],
    ['opentelemetry', 'OpenTelemetry settings'],
    ['backend_configs', 'backend configs'],
    ['graphql_schema_introspection', 'schema introspection settings'],
    ['metrics_config', 'metrics settings'],
];
/** Config v3: `current` is a server export (version 3, possibly inside `{resource_version, metadata}`). */
function diffMetadataV3(current, stable) {
    const before = unwrapExport(current);
    const after = stable;
    const changes = [];
    compareLists(list(before.sources), list(after.sources), byName, (k) => `database ${k}`, changes, (name, old, now) => compareSource(name, old, now, changes));
    compareTopLevel(before, after, V3_TOP_LEVEL, changes);
    for (const [section, what] of V3_SETTINGS) {
        if (canonical(withoutEmpty(before[section])) !== canonical(withoutEmpty(after[section]))) {
            changes.push({ kind: 'changed', what });
        }
    }
    return changes;
}
function compareSource(name, before, after, changes) {
    const where = ` in database ${name}`;
    compareTables(before.tables, after.tables, where, changes);
    for (const [part, word, key] of SOURCE_PARTS) {
        compareLists(list(before[part]), list(after[part]), key, (k) => `${word} ${k}${where}`, changes);
    }
    const compared = new Set(['tables', ...SOURCE_PARTS.map(([part]) => part)]);
    const settings = (source) => canonical(withoutEmpty(Object.fromEntries(Object.entries(source).filter(([k]) => !compared.has(k)))));
    if (settings(before) !== settings(after))
        changes.push({ kind: 'changed', what: `settings of database ${name}` });
}
// Assembly leaves out a section the files leave empty; an export may hold it as `{}` or `[]`.
function withoutEmpty(value) {
    if (Array.isArray(value))
        return value.length === 0 ? null : value;
    if (!isRecord(value))
        return value ?? null;
    const kept = Object.entries(value).filter(([, item]) => withoutEmpty(item) !== null);
    return kept.length === 0 ? null : Object.fromEntries(kept);
}

/** `text` as one bash word: single-quoted, each `'` written as `'\''`. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/**
 * The body around the file, per server generation. v2.x: the envelope with
 * `allow_inconsistent_metadata: true`, so the backup is stored exactly as written even when objects
 * it names are gone (the downs that ran after the backup may have dropped them); the answer lists
 * them. v1.x takes only the bare object (the file is its version-2 export) and refuses inconsistent
 * metadata, keeping what it has.
 */
const envelopes = {
    v2: {
        head: '{"type":"replace_metadata","version":2,"args":{"allow_inconsistent_metadata":true,"metadata":',
        tail: '}}',
        apiPath: 'v1/metadata',
    },
    v1: { head: '{"type":"replace_metadata","args":', tail: '}', apiPath: 'v1/query' },
};
/**
 * A one-line bash command (GitHub-hosted runner or a developer's terminal) that replaces the server's
 * metadata with the backup at `backupPath`, sent to `$HASURA_GRAPHQL_ENDPOINT` (a path prefix is kept)
 * with the admin secret read from `$HASURA_GRAPHQL_ADMIN_SECRET` when it runs: the secret's value is in
 * neither the command nor any process's arguments (printf is a bash builtin; curl reads the header
 * from a pipe). An unset endpoint or an unreadable file stops it before anything is sent; a refusal
 * prints Hasura's answer and exits non-zero (curl 7.76 or later).
 */
function restoreMetadataCommand(backupPath, generation) {
    const file = shellQuote(backupPath);
    const { head, tail, apiPath } = envelopes[generation];
    const body = `{ printf '%s' ${shellQuote(head)}; cat -- ${file}; printf '%s' ${shellQuote(tail)}; }`;
    const curl = [
        'curl -sS --fail-with-body -w',
        shellQuote('\\n'),
        `-H 'Content-Type: application/json'`,
        `-H @<(printf 'X-Hasura-Admin-Secret: %s\\n' "$HASURA_GRAPHQL_ADMIN_SECRET")`,
        '--data-binary @-',
        `"\${HASURA_GRAPHQL_ENDPOINT%/}/${apiPath}"`,
    ].join(' ');
    const checks = `: "\${HASURA_GRAPHQL_ENDPOINT:?set it to the Hasura endpoint}" && cat -- ${file} > /dev/null`;
    return `${checks} && ${body} | ${curl}`;
}

var dist$1 = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require('process');

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge$1 = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge$1.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge$1.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge$1.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge.addMergeToJSMap = addMergeToJSMap;
	merge.isMergeKey = isMergeKey;
	merge.merge = merge$1;
	return merge;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string$1 = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string.string = string$1;
	return string;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require('buffer');
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require('process');
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser$1 = {};

var hasRequiredParser$1;

function requireParser$1 () {
	if (hasRequiredParser$1) return parser$1;
	hasRequiredParser$1 = 1;

	var node_process = require('process');
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser$1.Parser = Parser;
	return parser$1;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser$1();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist$1;

function requireDist$1 () {
	if (hasRequiredDist$1) return dist$1;
	hasRequiredDist$1 = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser$1();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist$1.Composer = composer.Composer;
	dist$1.Document = Document.Document;
	dist$1.Schema = Schema.Schema;
	dist$1.YAMLError = errors.YAMLError;
	dist$1.YAMLParseError = errors.YAMLParseError;
	dist$1.YAMLWarning = errors.YAMLWarning;
	dist$1.Alias = Alias.Alias;
	dist$1.isAlias = identity.isAlias;
	dist$1.isCollection = identity.isCollection;
	dist$1.isDocument = identity.isDocument;
	dist$1.isMap = identity.isMap;
	dist$1.isNode = identity.isNode;
	dist$1.isPair = identity.isPair;
	dist$1.isScalar = identity.isScalar;
	dist$1.isSeq = identity.isSeq;
	dist$1.Pair = Pair.Pair;
	dist$1.Scalar = Scalar.Scalar;
	dist$1.YAMLMap = YAMLMap.YAMLMap;
	dist$1.YAMLSeq = YAMLSeq.YAMLSeq;
	dist$1.CST = cst;
	dist$1.Lexer = lexer.Lexer;
	dist$1.LineCounter = lineCounter.LineCounter;
	dist$1.Parser = parser.Parser;
	dist$1.parse = publicApi.parse;
	dist$1.parseAllDocuments = publicApi.parseAllDocuments;
	dist$1.parseDocument = publicApi.parseDocument;
	dist$1.stringify = publicApi.stringify;
	dist$1.visit = visit.visit;
	dist$1.visitAsync = visit.visitAsync;
	return dist$1;
}

var distExports = requireDist$1();

// The project's `.env` file, read the way the Hasura CLI reads it (github.com/subosito/gotenv):
// KEY=VALUE or `KEY: VALUE`, optional `export `, `#` comments, single quotes (literal), double quotes
// (\n, \r and backslash escapes), and $NAME / ${NAME} expansion outside single quotes.
const DOT_ENV_FILE = '.env';
const LINE = /^\s*(?:export\s+)?([\w.]+)(?:\s*=\s*|:\s+)(.*)$/;
// gotenv only expands upper-case names; `\$` keeps a literal dollar.
const VARIABLE = /(\\)?\$(\{?([A-Z0-9_]+)?\}?)/g;
/**
 * KEY → value for every assignment in a `.env` text; a later line wins. `env` feeds $NAME expansion
 * for names the file has not set itself. Throws RollbackError naming `.env` and the line on a line
 * that is neither blank, a comment, nor an assignment.
 */
function parseDotEnv(text, env = {}) {
    const values = new Map();
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    lines.forEach((rawLine, index) => {
        const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const match = LINE.exec(line);
        const value = match === null ? undefined : parseValue(match[2] ?? '');
        if (match === null || value === undefined) {
            // The line itself is not quoted: it may hold a secret.
            throw new RollbackError(`${DOT_ENV_FILE} line ${index + 1} is not KEY=VALUE`, {
                file: DOT_ENV_FILE,
                line: index + 1,
            });
        }
        const lookup = (name) => values.get(name) ?? env[name] ?? '';
        values.set(match[1] ?? '', value.quote === "'" ? value.text : expand(value.text, lookup));
    });
    return Object.fromEntries(values);
}
/** The value part of an assignment, or undefined when a quote is left open or followed by text. */
function parseValue(rest) {
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
        // Unquoted: up to a `#`, surrounding spaces dropped.
        const hash = rest.indexOf('#');
        return { text: (hash === -1 ? rest : rest.slice(0, hash)).trim(), quote: '' };
    }
    const close = quote === "'" ? rest.indexOf("'", 1) : closingDoubleQuote(rest);
    if (close === -1)
        return undefined;
    const after = rest.slice(close + 1).trim();
    if (after !== '' && !after.startsWith('#'))
        return undefined;
    const inner = rest.slice(1, close);
    return { text: quote === "'" ? inner : unescapeDoubleQuoted(inner), quote };
}
function closingDoubleQuote(rest) {
    for (let i = 1; i < rest.length; i++) {
        if (rest[i] === '\\')
            i++;
        else if (rest[i] === '"')
            return i;
    }
    return -1;
}
// Every escape but `\$`, which expansion treats as a literal dollar.
function unescapeDoubleQuoted(inner) {
    return inner
        .replaceAll('\\n', '\n')
        .replaceAll('\\r', '\r')
        .replace(/\\([^$])/g, '$1');
}
function expand(text, lookup) {
    return text.replace(VARIABLE, (whole, escape, _body, name) => {
        if (escape !== undefined)
            return whole.slice(1);
        return name === undefined ? whole : lookup(name);
    });
}

// config.yaml (config v2 and v3) with the Hasura CLI's precedence: explicit option → HASURA_GRAPHQL_* environment
// → the project's `.env` → config.yaml → default (cli/cli.go readConfig + loadEnvfile).
const CONFIG_FILE = 'config.yaml';
// Keys as the CLI's viper names them; the env name is HASURA_GRAPHQL_ + upper case, dots → '_'.
const DEFAULTS = {
    endpoint: 'http://localhost:8080',
    metadata_directory: 'metadata',
    migrations_directory: 'migrations',
    'api_paths.query': 'v1/query',
    'api_paths.v2_query': 'v2/query',
    'api_paths.v1_metadata': 'v1/metadata',
    'api_paths.version': 'v1/version',
    // The CLI's default: a config.yaml without `version` is config v1.
    version: '1',
};
function envName(key) {
    return `HASURA_GRAPHQL_${key.toUpperCase().replaceAll('.', '_')}`;
}
async function loadProjectConfig(files, env, overrides) {
    const configText = await files.readText(CONFIG_FILE);
    if (configText === undefined) {
        throw new RollbackError(`${CONFIG_FILE} not found in ${files.origin}: point the project-dir input at the Hasura project directory`, { file: CONFIG_FILE });
    }
    const fileValues = parseConfigYaml(configText);
    const dotEnvText = await files.readText(DOT_ENV_FILE);
    const dotEnv = dotEnvText === undefined ? {} : parseDotEnv(dotEnvText, env);
    const overrideValues = {
        endpoint: overrides.endpoint,
        admin_secret: overrides.adminSecret,
    };
    const inputNames = { endpoint: 'endpoint', admin_secret: 'admin-secret' };
    const setting = (key) => {
        const name = envName(key);
        // Empty counts as unset at every level but config.yaml, as with viper and gotenv.
        const candidates = [
            [overrideValues[key], `the ${inputNames[key]} input`],
            [env[name], name],
            [dotEnv[name], `${name} in ${DOT_ENV_FILE}`],
        ];
        for (const [value, from] of candidates)
            if (value !== undefined && value !== '')
                return { value, from };
        const fromFile = fileValues.get(key);
        if (fromFile !== undefined)
            return { value: fromFile, from: `${key} in ${CONFIG_FILE}` };
        const fallback = DEFAULTS[key];
        return fallback === undefined ? undefined : { value: fallback, from: `the default ${key}` };
    };
    const required = (key) => setting(key) ?? { value: '', from: key };
    const version = checkVersion(required('version'), fileValues.has('version'));
    const secrets = adminSecretsOf(setting);
    const certificateAuthority = setting('certificate_authority')?.value;
    return {
        configFile: CONFIG_FILE,
        version,
        endpoint: parseEndpoint(required('endpoint')),
        adminSecret: secrets[0],
        secrets,
        metadataFile: version === 3 ? setting('metadata_file')?.value || undefined : undefined,
        metadataDirectory: directory(required('metadata_directory')),
        migrationsDirectory: directory(required('migrations_directory')),
        apiPaths: {
            query: apiPath(required('api_paths.query')),
            v2Query: apiPath(required('api_paths.v2_query')),
            v1Metadata: apiPath(required('api_paths.v1_metadata')),
            version: apiPath(required('api_paths.version')),
        },
        insecureSkipTlsVerify: parseBool(setting('insecure_skip_tls_verify')),
        certificateAuthority: certificateAuthority === '' ? undefined : certificateAuthority,
    };
}
/**
 * config.yaml as viper sees it: YAML 1.1 (the CLI's yaml.v2: `yes` is true, `0777` is octal), keys
 * case-insensitive, a repeated key keeps its last value, nested keys joined with '.', null = unset.
 */
function parseConfigYaml(text) {
    const document = distExports.parseDocument(text, { version: '1.1', uniqueKeys: false, intAsBigInt: true });
    const [error] = document.errors;
    if (error !== undefined) {
        const line = error.linePos?.[0].line;
        const where = line === undefined ? '' : ` line ${line}`;
        const reason = error.message.split('\n')[0] ?? '';
        throw new RollbackError(`${CONFIG_FILE}${where} is not valid YAML: ${reason}`, {
            file: CONFIG_FILE,
            line,
        });
    }
    const root = document.toJS();
    const values = new Map();
    if (root === null || root === undefined)
        return values;
    if (!isMapping(root))
        throw new RollbackError(`${CONFIG_FILE} must be a YAML mapping of keys`, { file: CONFIG_FILE });
    flatten(root, '', values);
    return values;
}
function flatten(mapping, prefix, into) {
    for (const [rawKey, value] of Object.entries(mapping)) {
        const key = prefix + rawKey.toLowerCase();
        if (value === null || value === undefined)
            into.delete(key);
        else if (isMapping(value))
            flatten(value, `${key}.`, into);
        else if (Array.isArray(value))
            into.delete(key);
        else
            into.set(key, String(value));
    }
}
function isMapping(value) {
    return isRecord(value) && !(value instanceof Date);
}
/**
 * The secret to send first, then every other one: `admin_secret`, else `admin_secrets` (a JSON list in a
 * string, the first sent), else the legacy `access_key`.
 */
function adminSecretsOf(setting) {
    const single = setting('admin_secret')?.value;
    const list = setting('admin_secrets');
    const many = list ? parseSecretList(list) : [];
    const access = setting('access_key')?.value;
    const first = single || many[0] || access;
    return [...new Set([first, ...many].filter((s) => Boolean(s)))];
}
function parseSecretList({ value, from }) {
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'string')) {
        // Never the value itself in the message: it holds secrets.
        throw new RollbackError(`admin_secrets (from ${from}) is not a JSON list of strings`, {
            file: fileOf(from),
        });
    }
    return parsed.filter((s) => s !== '');
}
function checkVersion({ value, from }, writtenInFile) {
    const version = /^\s*\+?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (version === 2 || version === 3)
        return version;
    if (version === 1) {
        const why = writtenInFile || !from.startsWith('the default')
            ? `is config v1 (${from})`
            : 'has no version key (config v1)';
        throw new RollbackError(`${CONFIG_FILE} ${why}: hasura-rollback needs config v2 or v3; upgrade the project with 'hasura scripts update-project-v2'`, { file: CONFIG_FILE });
    }
    throw new RollbackError(`${CONFIG_FILE}: version '${value}' (${from}) is not a config version; expected 2 or 3`, {
        file: CONFIG_FILE,
    });
}
function parseEndpoint({ value, from }) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    const problem = url === undefined || /\s/.test(value)
        ? 'is not a URL'
        : url.protocol !== 'http:' && url.protocol !== 'https:'
            ? 'is not an http(s) URL'
            : url.search !== '' || url.hash !== ''
                ? 'must not carry a query or fragment'
                : undefined;
    if (problem !== undefined) {
        throw new RollbackError(`endpoint '${value}' (from ${from}) ${problem}, e.g. https://hasura.example.com`, {
            file: fileOf(from),
        });
    }
    return value.replace(/\/+$/, '');
}
function directory({ value, from }) {
    const trimmed = value.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    if (trimmed === '' || trimmed === '.') {
        throw new RollbackError(`${from} is empty: name a directory inside the project`, { file: fileOf(from) });
    }
    return trimmed;
}
function apiPath({ value }) {
    return value.replace(/^\/+|\/+$/g, '');
}
// Go's strconv.ParseBool, which the CLI applies to strings; YAML booleans arrive as 'true'/'false'.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
function parseBool(setting) {
    if (setting === undefined || FALSE.has(setting.value))
        return false;
    if (TRUE.has(setting.value))
        return true;
    throw new RollbackError(`insecure_skip_tls_verify '${setting.value}' (from ${setting.from}) is not true or false`, {
        file: fileOf(setting.from),
    });
}
/** The file to annotate for a setting's origin: config.yaml or .env; none for inputs and env. */
function fileOf(from) {
    if (from.endsWith(` in ${CONFIG_FILE}`))
        return CONFIG_FILE;
    return from.endsWith(` in ${DOT_ENV_FILE}`) ? DOT_ENV_FILE : undefined;
}

async function rollback(request, deps) {
    const progress = noProgress();
    try {
        return await run$1(request, deps, progress);
    }
    catch (error) {
        return resultOf(progress, 'failed', failureOf(error, progress));
    }
    finally {
        for (const transport of progress.transports)
            await transport.close();
    }
}
function failureOf(error, progress) {
    if (!(error instanceof RollbackError)) {
        return { message: afterCommit(progress, `Unexpected error: ${errorMessage(error)}`) };
    }
    return {
        message: afterCommit(progress, error.message),
        file: error.file,
        line: error.line,
        outcomeUnknown: error.outcomeUnknown && !progress.committed,
    };
}
async function run$1(request, deps, progress) {
    const { log } = deps;
    const project = await log.group('Load the project', () => loadProject(request, deps));
    const { config, stable } = project;
    progress.configVersion = config.version;
    const databases = await log.group('Read migration state', async () => {
        const opened = await openDatabases(request, deps, project, progress);
        for (const db of opened.databases) {
            const where = config.version === 3 ? ` in database ${db.database.name}` : ' on the database';
            log.info(`${db.state.applied.length} applied version(s)${where}`);
        }
        return opened;
    });
    const plans = await planDatabases(request, deps, databases.databases, stable, config.version);
    progress.notes = plans.flatMap((p) => p.plan.notes);
    for (const note of progress.notes)
        log.notice(note);
    progress.steps = plans.flatMap((p) => planReport(p.plan, p.db.database.name));
    progress.alreadyReverted = plans.flatMap((p) => resumedVersions(p));
    const problems = plans.flatMap((p) => p.plan.problems);
    if (problems.length > 0) {
        progress.problems = problems;
        return resultOf(progress, 'failed');
    }
    const metadata = await prepareMetadata(deps, config, stable, progress);
    const hasWork = plans.some((p) => p.plan.steps.length > 0 || guardOf(stable, p.db.database.name));
    if (!hasWork && !metadata) {
        log.info('Nothing to roll back: no applied version is selected');
        return resultOf(progress, 'nothing-to-roll-back');
    }
    if (metadata && stable) {
        const rolledBack = plans.map((p) => p.db.database.name);
        const elsewhere = { config, stable, sources: databases.sources, rolledBack };
        const failure = await checkDatabasesNotRolledBack(request, deps, elsewhere, progress);
        if (failure)
            return resultOf(progress, 'failed', failure);
    }
    const access = config.version === 3 ? catalogAccess(request, deps, config) : undefined;
    const failure = await executeDatabases(request, deps, { plans, stable, access }, progress);
    if (failure)
        return resultOf(progress, 'failed', failure);
    if (request.dryRun)
        return resultOf(progress, 'dry-run');
    if (!metadata || !stable)
        return resultOf(progress, 'rolled-back');
    return applyMetadata(deps, metadata, stable, progress);
}
/** Versions an earlier attempt of this run reverted, when this run reverts nothing more because of it. */
function resumedVersions({ db, plan }) {
    const journal = db.state.journal;
    const applied = new Set(db.state.applied.map((a) => a.version));
    if (!journal || plan.steps.length > 0 || journal.versions.some((v) => applied.has(v)))
        return [];
    return journal.versions.map((version) => ({ database: db.database.name, version }));
}
/** The metadata to apply: the server's exported as a backup before any change, and the changes. */
async function prepareMetadata(deps, config, stable, progress) {
    if (!stable?.metadata)
        return undefined;
    const api = deps.metadataApi(config);
    // Exported before any change: a Hasura that cannot answer stops the run while nothing is changed.
    const exported = await deps.log.group('Back up the current metadata', () => backupMetadata(api, deps.backupDir, deps.now()));
    // The export asked the server's generation first: the client answers this from what it has.
    const { generation } = await api.serverVersion();
    const restoreCommand = restoreMetadataCommand(exported.path, generation);
    const backup = { ...exported, restoreCommand };
    const changes = stable.metadata.version === 3
        ? diffMetadataV3(backup.metadata, stable.metadata.metadata)
        : diffMetadata(backup.metadata, stable.metadata.metadata);
    progress.metadata = metadataReport(stable, backup, changes, false, []);
    return { api, backup, changes };
}
async function loadProject(request, deps) {
    const overrides = { endpoint: request.endpoint, adminSecret: request.adminSecret };
    const config = await loadProjectConfig(deps.files, deps.env, overrides);
    const directory = config.migrationsDirectory;
    const migrations = config.version === 3
        ? await scanDatabaseMigrations(deps.files, directory)
        : await scanMigrations(deps.files, directory);
    const count = migrations instanceof Map ? [...migrations.values()].flat().length : migrations.length;
    deps.log.info(`${count} migration(s) in ${directory}/ of the workspace`);
    const ref = request.ref === LAST_SUCCESSFUL_RUN ? await lastSuccessfulRef(deps) : request.ref;
    const stable = ref ? await loadStable(request, deps, ref, overrides) : undefined;
    if (stable)
        deps.log.info(`Stable ref '${stable.ref}' is ${stable.sha} (${stable.subject})`);
    return { config, migrations, stable };
}
/** The project at the stable ref, loaded with a ref only: its metadata assembly brings graphql (~150 KB). */
async function loadStable(request, deps, ref, overrides) {
    const { loadStableRef } = await Promise.resolve().then(function () { return require('./stable-ref.js'); });
    return loadStableRef(await deps.git(), {
        ref,
        projectDir: request.projectDir,
        withMetadata: request.applyMetadata,
        withMigrations: !request.selector,
        env: deps.env,
        overrides,
    });
}
async function lastSuccessfulRef(deps) {
    const found = await deps.lastSuccessfulRun();
    deps.log.info(`ref: ${LAST_SUCCESSFUL_RUN} is ${found.sha}, the head of ${found.runUrl}`);
    return found.sha;
}
async function applyMetadata(deps, { api, backup, changes }, stable, progress) {
    const outcome = await deps.log.group(`Apply the metadata of ${stable.sha}`, async () => {
        try {
            await replaceMetadata(api, stable.metadata);
        }
        catch (error) {
            // Hasura refused it as inconsistent and keeps serving its own: nothing of the metadata changed.
            const refused = refusedAsInconsistent(error);
            if (refused)
                return { applied: false, inconsistent: refused };
            // A request that timed out or lost its answer may still have been carried out by Hasura.
            if (error instanceof RollbackError && error.outcomeUnknown) {
                progress.metadata = {
                    ...metadataReport(stable, backup, changes, false, undefined),
                    outcomeUnknown: true,
                };
            }
            throw error;
        }
        progress.metadata = metadataReport(stable, backup, changes, true, undefined);
        return { applied: true, inconsistent: await inconsistentObjects(api) };
    });
    const { applied, inconsistent } = outcome;
    progress.metadata = metadataReport(stable, backup, changes, applied, inconsistent);
    if (inconsistent.length === 0)
        return resultOf(progress, 'rolled-back');
    const listed = firstFew(inconsistent.map(describeInconsistency), 'listed under Metadata in the job summary');
    const objects = `${inconsistent.length} inconsistent object(s): ${listed}`;
    if (!applied)
        return resultOf(progress, 'failed', { message: metadataRefused(progress, stable.sha, objects) });
    return resultOf(progress, 'failed', {
        message: `Hasura reports ${objects} after applying the metadata of ${stable.sha}. The previous metadata is in ${backup.path}`,
    });
}

/**
 * Every form in which a database URL's password could be printed: as written (percent-encoded) and
 * decoded. The runner masks each registered string in logs.
 */
function secretsOfDatabaseUrl(databaseUrl) {
    if (!databaseUrl)
        return [];
    const secrets = new Set();
    try {
        const url = new URL(databaseUrl);
        if (url.password) {
            secrets.add(url.password);
            secrets.add(decodeURIComponent(url.password));
        }
        for (const key of ['password', 'sslpassword']) {
            const value = url.searchParams.get(key);
            if (value)
                secrets.add(value);
        }
    }
    catch {
        // Not a URL (e.g. a libpq keyword string): mask it whole rather than risk printing a part.
        secrets.add(databaseUrl);
    }
    return [...secrets];
}

/** Where the counts wait until read: a setting local to the rollback transaction. */
const DATA_LOSS_SETTING = 'hasura_rollback.data_loss';
const SETTING = DATA_LOSS_SETTING;
const LIMIT = DATA_LOSS_CAP + 1;
/**
 * The text of the query counting each target, built in SQL from the targets' relations. A table whose
 * files hold no page has no row: it is 0 without a query of its own, so only tables with pages cost a
 * count (planning a thousand counts of empty tables took longer than the downs). Missing objects are
 * NULL: naming one in a count would fail the whole query. A partitioned table keeps its rows in its
 * partitions, so it is always counted.
 */
function countsQuerySql(targets) {
    const rows = targets
        .map((t, i) => `(${i}, ${sqlLiteral(t.kind)}, ${sqlLiteral(t.object)}, ${sqlLiteral(t.column ?? '')})`)
        .join(',\n      ');
    const schemaTables = `FROM pg_class c WHERE c.relnamespace = nsp AND c.relkind IN ('r', 'p', 'm')`;
    const count = (from) => `'(SELECT count(*) FROM (SELECT 1 FROM ' || ${from} || ' LIMIT ${LIMIT}) AS s)'`;
    return `WITH target(i, kind, object, col) AS (VALUES
      ${rows}),
    found AS (SELECT t.*, CASE WHEN kind <> 'drop-schema' THEN to_regclass(object) END AS rel,
        CASE WHEN kind = 'drop-schema' THEN to_regnamespace(object) END AS nsp FROM target t),
    sized AS (SELECT f.*, CASE
        WHEN rel IS NOT NULL THEN (SELECT CASE WHEN c.relkind = 'p' THEN 1 ELSE pg_relation_size(rel) END FROM pg_class c WHERE c.oid = rel)
        WHEN nsp IS NOT NULL THEN (SELECT COALESCE(sum(CASE WHEN c.relkind = 'p' THEN 1 ELSE pg_relation_size(c.oid) END), 0) ${schemaTables})
      END AS size FROM found f)
  SELECT 'SELECT ARRAY[' || string_agg(CASE
      WHEN size IS NULL THEN 'NULL'
      WHEN size = 0 THEN '0'
      WHEN kind = 'drop-schema' THEN ${count(`'(' || (SELECT string_agg(format('(SELECT 1 FROM %s LIMIT ${LIMIT})', c.oid::regclass), ' UNION ALL ') ${schemaTables}) || ') AS u'`)}
      WHEN kind <> 'drop-column' THEN ${count('rel::text')}
      WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = rel AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped)
        THEN ${count(`rel::text || ' WHERE ' || quote_ident(col) || ' IS NOT NULL'`)}
      ELSE 'NULL' END, ', ' ORDER BY i) || ']::bigint[]' FROM sized`;
}
/**
 * Measures `targets` into a setting local to the transaction (no privilege needed, gone at its end),
 * then — when `refuse` — fails with the DATA_LOSS marker and the counts if any target holds data. A
 * measurement that fails stops the transaction only when refusing; otherwise the counts read unknown.
 */
function measureDataLossSql(targets, refuse) {
    if (targets.length === 0)
        return '';
    // One counting query, built by another, run once: an array keeps no limit on how many it counts.
    const built = `${countsQuerySql(targets)}\n    INTO query`;
    const failed = refuse
        ? `RAISE EXCEPTION '${DATA_LOSS_UNMEASURED} %', SQLERRM;`
        : `PERFORM set_config('${SETTING}', 'unmeasured: ' || SQLERRM, true);`;
    const check = refuse
        ? `IF EXISTS (SELECT 1 FROM json_array_elements_text(counts::json) AS c WHERE c <> '0') THEN
    RAISE EXCEPTION '${DATA_LOSS} %', counts;
  END IF;`
        : '';
    return doBlock(`DECLARE query text; measured bigint[]; counts text;
BEGIN
  BEGIN
    ${built};
    EXECUTE query INTO measured;
    counts := to_json(measured)::text;
    PERFORM set_config('${SETTING}', counts, true);
  EXCEPTION WHEN OTHERS THEN
    ${failed}
    RETURN;
  END;
  ${check}
END`);
}
/** The counts measureDataLossSql kept, as a statement answering one text cell. */
const READ_DATA_LOSS_SQL = `SELECT current_setting('${SETTING}', true) AS counts;\n`;
/** The counts, from the text (a cell, or a marked message) that carries them; [] when unknown. */
function parseDataLoss(text) {
    const found = /\[[\d,null]*\]\s*$/.exec(text ?? '');
    if (!found)
        return [];
    const values = JSON.parse(found[0]);
    return values.map((v) => (typeof v === 'number' ? v : null));
}

// Failure wording shared by both transports, so a rollback fails with the same message whether it ran
// over database-url or through Hasura's run_sql.
/** `endedBy`: what ended the wait before lock-timeout did (a statement_timeout, a cancel). */
function lockHeld(timeoutSeconds, endedBy) {
    const gaveUp = endedBy
        ? `the wait ended before input 'lock-timeout' did: ${endedBy.message}${sqlState(endedBy)}`
        : `gave up after ${timeoutSeconds} s (input 'lock-timeout')`;
    return new RollbackError(`Another hasura-rollback run holds the database lock; ${gaveUp}. Nothing was changed`);
}
function concurrentlyReverted(gone) {
    return {
        version: gone[0],
        message: `Version ${gone.join(', ')} is no longer applied: another rollback reverted it after this run read the state. Nothing was changed`,
    };
}
/** The re-check before the downs could not lock `what` (the planned versions' state). */
function stateNotLocked(what, error) {
    const held = error.code === '55P03' ? '; another session holds them (a hasura migrate running?)' : '';
    return {
        message: `Could not lock ${what}: ${error.message}${sqlState(error)}${held}. Nothing was changed`,
    };
}
/** A failure of the SQL run after the downs: the metadata guard, or the re-run journal. */
function guardFailure(error) {
    const missing = parseGuardFailure(error.message);
    if (missing) {
        return {
            message: `The stable metadata needs objects missing after the rollback: ${missing}. The transaction was rolled back: nothing was changed and no metadata was sent`,
        };
    }
    const journal = error.message.indexOf(JOURNAL_MARKER);
    if (journal >= 0) {
        const why = error.message.slice(journal + JOURNAL_MARKER.length).trim();
        return {
            message: `Could not write the re-run record ${JOURNAL_TABLE} (${why}): this role needs CREATE on schema hdb_catalog, as the Hasura CLI's does. The transaction was rolled back: nothing was changed`,
        };
    }
    return {
        message: `The checks after the downs failed: ${error.message}. The transaction was rolled back: nothing was changed`,
    };
}
/**
 * The session is gone: Postgres ended it (57P0x: terminated, shut down, database dropped, idle
 * timeout), a connection exception (class 08), or node-postgres saw the socket close under it.
 */
function isConnectionLost(error) {
    const code = error.code ?? '';
    return (/^57P0\d$/.test(code) ||
        code.startsWith('08') ||
        code === 'ECONNRESET' ||
        code === 'EPIPE' ||
        /Connection terminated|not queryable/i.test(error.message));
}
/** " (SQLSTATE xxxxx)" when the error has a code. */
const sqlState = (error) => (error.code ? ` (SQLSTATE ${error.code})` : '');
/** No file is at fault: the session ended while `what` ran, and the server rolled the transaction back. */
function connectionLost(what, error) {
    return {
        message: `Lost the connection to the database while ${what} ran: ${error.message}${sqlState(error)}. Postgres rolls back an open transaction: nothing was changed`,
    };
}
/**
 * `cause` left the client unable to tell whether the rollback committed: a connection lost during
 * COMMIT, or an HTTP request that broke after it was sent.
 */
function mayHaveCommitted(cause) {
    return `${cause}. The rollback may or may not have been committed: check the migration state before running again (hasura migrate status; config v2: hdb_catalog.schema_migrations)`;
}
/** A down failed: its file and `line` (1-based, when known), Postgres' message, DETAIL and HINT. */
function sqlFailure(step, error, line) {
    const where = line ? `${step.down.path}:${line}` : step.down.path;
    const extra = [error.detail && `DETAIL: ${error.detail}`, error.hint && `HINT: ${error.hint}`].filter(Boolean);
    return {
        version: step.version,
        file: step.down.path,
        line,
        message: `Down migration ${migrationLabel(step)} failed at ${where}: ${error.message}${sqlState(error)}` +
            (extra.length ? `. ${extra.join('. ')}` : '') +
            '. The transaction was rolled back: nothing was changed',
    };
}
/**
 * What a rehearsal's error means for the failure locator: undefined when the rehearsal ran through (or
 * reached its final exception, `nonce`), the error of a down otherwise. Thrown, ending the search:
 * another run holding the lock, or a planned version reverted meanwhile.
 */
function rehearsalError(error, lockTimeoutSeconds, nonce) {
    if (!error)
        return undefined;
    const verdict = classifyError(error.message, nonce);
    switch (verdict.kind) {
        case 'rehearsal-passed':
            return undefined;
        case 'lock-held':
            throw lockHeld(lockTimeoutSeconds, verdict.endedBy);
        case 'no-longer-applied':
            throw new RollbackError(concurrentlyReverted(verdict.versions).message);
        default:
            return error;
    }
}
/** Input 'data-loss' is refuse and some of `targets` hold data: each named with its count, the first few. */
function dataLossRefused(targets, counts) {
    const found = targets.flatMap((t, i) => {
        const count = counts[i] ?? null;
        return count ? [`${lossSubject(t)} (${countText(t, count)})`] : [];
    });
    const shown = found.slice(0, DATA_LOSS_SHOWN);
    const more = found.length > shown.length ? ` and ${found.length - shown.length} more (see the job summary)` : '';
    return {
        message: `Input 'data-loss' is 'refuse' and the downs would destroy data: ${shown.join(', ')}${more}. Nothing was changed`,
    };
}
/** Objects named in a refusal line; the summary lists them all. */
const DATA_LOSS_SHOWN = 5;
/** The count of what the downs destroy could not be taken (say, no TEMPORARY privilege). */
function dataLossUnmeasured(message) {
    return {
        message: `Could not measure the data the downs would destroy: ${message}. Set 'data-loss: warn' to roll back without the counts. Nothing was changed`,
    };
}
/**
 * The failure our own marked SQL reports (markers.ts), worded the same on both transports; undefined
 * when the error is not ours (a down, or what follows it, failed). Another run holding the lock throws.
 */
function markedFailure(verdict, options) {
    switch (verdict.kind) {
        case 'lock-held':
            throw lockHeld(options.lockTimeoutSeconds, verdict.endedBy);
        case 'rows-locked':
            return stateNotLocked(options.state.locks, verdict.cause);
        case 'no-longer-applied':
            return concurrentlyReverted(verdict.versions);
        case 'data-loss':
            return dataLossRefused(options.dataLoss?.targets ?? [], parseDataLoss(verdict.counts));
        case 'data-loss-unmeasured':
            return dataLossUnmeasured(verdict.message);
        default:
            return undefined;
    }
}

/**
 * The first of `steps` whose rehearsal fails and the line that fails in it; undefined when all of
 * them run cleanly (the failure came after the downs, or did not recur). About log2(downs) +
 * log2(statements) rehearsals.
 */
async function locateFailure(steps, rehearse) {
    const down = await firstFailing(steps.length, (k) => rehearse(k));
    if (!down)
        return undefined;
    const index = down.at - 1;
    const step = steps[index];
    const statements = splitStatements(step.down.scan);
    if (statements.length === 0)
        return { index, error: down.error, line: undefined };
    // One statement and no position to refine (Hasura never gives one): its first line is the answer.
    if (statements.length === 1 && !down.error.position) {
        return { index, error: down.error, line: statements[0].startLine };
    }
    const prefix = (j) => {
        const last = statements[j - 1];
        return step.down.sql.slice(0, last.startOffset + last.text.length);
    };
    const statement = await firstFailing(statements.length, (j) => rehearse(index, prefix(j)));
    if (!statement)
        return { index, error: down.error, line: undefined };
    const { position } = statement.error;
    const line = position
        ? lineAtPosition(prefix(statement.at), Number(position))
        : statements[statement.at - 1].startLine;
    return { index, error: statement.error, line };
}
/**
 * The smallest k in 1..n for which `fails(k)` gives an error, and that error; k = n is assumed to fail
 * and asked last, only when every smaller k passed.
 */
async function firstFailing(n, fails) {
    if (n === 0)
        return undefined;
    let passing = 0;
    let failing = n;
    let error;
    while (failing - passing > 1) {
        const k = Math.floor((passing + failing) / 2);
        const found = await fails(k);
        if (found)
            [failing, error] = [k, found];
        else
            passing = k;
    }
    error ??= await fails(failing);
    return error && { at: failing, error };
}

/** Advisory lock key shared by every hasura-rollback run on a database ('hrbk' + 1), on both transports. */
const LOCK_KEY = '7526186138990542849';
/**
 * An advisory lock shared by every hasura-rollback run on the database, held until the transaction
 * ends; waits at most `timeoutSeconds` (0: one try).
 */
function lockSql(timeoutSeconds) {
    if (timeoutSeconds <= 0) {
        return doBlock(`BEGIN\n  IF NOT pg_try_advisory_xact_lock(${LOCK_KEY}::bigint) THEN RAISE EXCEPTION '${LOCK_HELD}'; END IF;\nEND`);
    }
    // lock_timeout bounds the wait, then goes back to its previous value for the downs.
    const ms = Math.ceil(timeoutSeconds * 1000);
    return doBlock(`DECLARE previous text := current_setting('lock_timeout');
BEGIN
  PERFORM set_config('lock_timeout', '${ms}ms', true);
  BEGIN
    PERFORM pg_advisory_xact_lock(${LOCK_KEY}::bigint);
  EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION '${LOCK_HELD}';
  WHEN query_canceled THEN
    RAISE EXCEPTION '${LOCK_WAIT_ENDED} % %', SQLSTATE, SQLERRM USING ERRCODE = SQLSTATE;
  END;
  PERFORM set_config('lock_timeout', previous, true);
END`);
}
/**
 * The downs, each ended so the next starts afresh (pre-flight refused any that cannot be), then their
 * state change. The first down comes first: an error position counts from it.
 */
function downsSql(steps, state) {
    if (steps.length === 0)
        return '';
    const downs = steps.map((s) => s.down.sql + scriptEnding(s.down.scan, s.down.path)).join('');
    return `${downs}${state.removeVersions(steps.map((s) => s.version))}`;
}
/**
 * Ends a rehearsal sent as one request: the exception rolls everything back; the nonce proves it ran.
 * `withDataLoss`: it carries the counts the rehearsal measured (data-loss-sql.ts).
 */
function rehearsalEndSql(nonce, withDataLoss = false) {
    const counts = withDataLoss ? ` %', current_setting('${DATA_LOSS_SETTING}', true)` : `'`;
    return doBlock(`BEGIN\n  RAISE EXCEPTION '${REHEARSAL_END} ${nonce}${counts};\nEND`);
}

// Hasura transport: everything through run_sql, one transaction per request on every server generation
// (`bulk` is not atomic on v2.x). The whole rollback — lock, re-check, downs, state rows, guard — is one
// request, whatever N. Hasura reports no error position and runs one query: when the script fails,
// locate-failure.ts finds the down and statement with rehearsals, each a prefix of the script ending in
// a deliberate exception, so each is rolled back. One request cannot time its downs apart, so steps
// have no duration.
async function connectHasura(options) {
    const { client, source } = options;
    async function readState(query) {
        const result = await client.runSql(query, { readOnly: true, source });
        return result.rows[0]?.[0];
    }
    /**
     * Lock, re-check, the measure of data loss, downs with their state changes, the rest: one
     * transaction. Its last statement answers with the measured counts; a rehearsal's final exception
     * carries them.
     */
    function script(steps, options, parts) {
        const targets = parts.measure ? (options.dataLoss?.targets ?? []) : [];
        const measured = targets.length > 0;
        return [
            lockSql(options.lockTimeoutSeconds),
            options.state.recheck,
            measured ? measureDataLossSql(targets, options.dataLoss.refuse) : '',
            downsSql(steps.slice(0, parts.downs ?? steps.length), options.state),
            // A newline first: a partial down may end in a -- comment.
            parts.partial === undefined ? '' : `${parts.partial}\n;\n`,
            parts.afterDowns ? `${parts.afterDowns};\n` : '',
            parts.nonce ? rehearsalEndSql(parts.nonce, measured) : measured ? READ_DATA_LOSS_SQL : '',
        ].join('');
    }
    /** Runs a script: the Postgres error it stopped with, or the text cell it answered with. */
    async function tryScript(sql) {
        try {
            const result = await client.runSql(sql, { source });
            return { cell: result.rows[0]?.[0] };
        }
        catch (error) {
            const pg = error instanceof HasuraApiError ? error.postgresError : undefined;
            if (pg)
                return { error: asSqlError(pg) };
            throw error;
        }
    }
    async function execute(steps, options) {
        const outcomes = notExecuted(steps);
        const nonce = options.dryRun ? node_crypto.randomUUID() : undefined;
        const sql = script(steps, options, { afterDowns: options.afterDowns, nonce, measure: true });
        let answer;
        try {
            answer = await tryScript(sql);
        }
        catch (cause) {
            if (cause instanceof HasuraApiError && cause.mayHaveRun && !options.dryRun) {
                throw new HasuraApiError(mayHaveCommitted(cause.message), { ...cause, mayHaveRun: true }, cause);
            }
            throw cause;
        }
        const { error } = answer;
        const verdict = error && classifyError(error.message, nonce);
        const measured = options.dataLoss?.targets.length
            ? parseDataLoss(error?.message ?? answer.cell)
            : undefined;
        if (!error || verdict?.kind === 'rehearsal-passed') {
            for (const outcome of outcomes)
                outcome.status = options.dryRun ? 'rehearsed' : 'reverted';
            return { steps: outcomes, committed: !options.dryRun, failure: undefined, dataLoss: measured };
        }
        const failure = await explain(steps, outcomes, options, error);
        return {
            steps: outcomes,
            committed: false,
            failure,
            dataLoss: verdict?.kind === 'data-loss' ? measured : undefined,
        };
    }
    async function explain(steps, outcomes, options, error) {
        const verdict = classifyError(error.message);
        const marked = markedFailure(verdict, options);
        if (marked)
            return marked;
        // Every down ran before what failed next; the transaction took them back.
        markAll(outcomes, 'undone');
        if (verdict.kind === 'after-downs')
            return guardFailure(error);
        const nonce = node_crypto.randomUUID();
        const rehearse = async (parts) => rehearsalError((await tryScript(script(steps, options, { ...parts, nonce }))).error, options.lockTimeoutSeconds, nonce);
        const located = await locateFailure(steps, (downs, partial) => rehearse({ downs, partial }));
        if (located) {
            markFailedAt(outcomes, located.index);
            return sqlFailure(steps[located.index], located.error, located.line);
        }
        // Every down ran when rehearsed: the guard or the journal record failed, or the cause was passing.
        const again = await rehearse({ afterDowns: options.afterDowns });
        if (again)
            return guardFailure(again);
        return {
            message: `The rollback failed (${error.message}${sqlState(error)}), but not again when rehearsed: the cause was passing (a deadlock, a lock or statement timeout, a concurrent change). Nothing was changed: run the rollback again`,
        };
    }
    return { kind: 'hasura', readState, execute, close: async () => { } };
}
function markAll(outcomes, status) {
    for (const outcome of outcomes)
        outcome.status = status;
}
function asSqlError(error) {
    return { message: error.message, code: error.statusCode, detail: error.description, hint: error.hint };
}

var lib$1 = {exports: {}};

var defaults = {exports: {}};

var pgTypes = {};

var postgresArray = {};

var hasRequiredPostgresArray;

function requirePostgresArray () {
	if (hasRequiredPostgresArray) return postgresArray;
	hasRequiredPostgresArray = 1;

	postgresArray.parse = function (source, transform) {
	  return new ArrayParser(source, transform).parse()
	};

	class ArrayParser {
	  constructor (source, transform) {
	    this.source = source;
	    this.transform = transform || identity;
	    this.position = 0;
	    this.entries = [];
	    this.recorded = [];
	    this.dimension = 0;
	  }

	  isEof () {
	    return this.position >= this.source.length
	  }

	  nextCharacter () {
	    var character = this.source[this.position++];
	    if (character === '\\') {
	      return {
	        value: this.source[this.position++],
	        escaped: true
	      }
	    }
	    return {
	      value: character,
	      escaped: false
	    }
	  }

	  record (character) {
	    this.recorded.push(character);
	  }

	  newEntry (includeEmpty) {
	    var entry;
	    if (this.recorded.length > 0 || includeEmpty) {
	      entry = this.recorded.join('');
	      if (entry === 'NULL' && !includeEmpty) {
	        entry = null;
	      }
	      if (entry !== null) entry = this.transform(entry);
	      this.entries.push(entry);
	      this.recorded = [];
	    }
	  }

	  consumeDimensions () {
	    if (this.source[0] === '[') {
	      while (!this.isEof()) {
	        var char = this.nextCharacter();
	        if (char.value === '=') break
	      }
	    }
	  }

	  parse (nested) {
	    var character, parser, quote;
	    this.consumeDimensions();
	    while (!this.isEof()) {
	      character = this.nextCharacter();
	      if (character.value === '{' && !quote) {
	        this.dimension++;
	        if (this.dimension > 1) {
	          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform);
	          this.entries.push(parser.parse(true));
	          this.position += parser.position - 2;
	        }
	      } else if (character.value === '}' && !quote) {
	        this.dimension--;
	        if (!this.dimension) {
	          this.newEntry();
	          if (nested) return this.entries
	        }
	      } else if (character.value === '"' && !character.escaped) {
	        if (quote) this.newEntry(true);
	        quote = !quote;
	      } else if (character.value === ',' && !quote) {
	        this.newEntry();
	      } else {
	        this.record(character.value);
	      }
	    }
	    if (this.dimension !== 0) {
	      throw new Error('array dimension not balanced')
	    }
	    return this.entries
	  }
	}

	function identity (value) {
	  return value
	}
	return postgresArray;
}

var arrayParser;
var hasRequiredArrayParser;

function requireArrayParser () {
	if (hasRequiredArrayParser) return arrayParser;
	hasRequiredArrayParser = 1;
	var array = requirePostgresArray();

	arrayParser = {
	  create: function (source, transform) {
	    return {
	      parse: function() {
	        return array.parse(source, transform);
	      }
	    };
	  }
	};
	return arrayParser;
}

var postgresDate;
var hasRequiredPostgresDate;

function requirePostgresDate () {
	if (hasRequiredPostgresDate) return postgresDate;
	hasRequiredPostgresDate = 1;

	var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/;
	var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/;
	var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/;
	var INFINITY = /^-?infinity$/;

	postgresDate = function parseDate (isoDate) {
	  if (INFINITY.test(isoDate)) {
	    // Capitalize to Infinity before passing to Number
	    return Number(isoDate.replace('i', 'I'))
	  }
	  var matches = DATE_TIME.exec(isoDate);

	  if (!matches) {
	    // Force YYYY-MM-DD dates to be parsed as local time
	    return getDate(isoDate) || null
	  }

	  var isBC = !!matches[8];
	  var year = parseInt(matches[1], 10);
	  if (isBC) {
	    year = bcYearToNegativeYear(year);
	  }

	  var month = parseInt(matches[2], 10) - 1;
	  var day = matches[3];
	  var hour = parseInt(matches[4], 10);
	  var minute = parseInt(matches[5], 10);
	  var second = parseInt(matches[6], 10);

	  var ms = matches[7];
	  ms = ms ? 1000 * parseFloat(ms) : 0;

	  var date;
	  var offset = timeZoneOffset(isoDate);
	  if (offset != null) {
	    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms));

	    // Account for years from 0 to 99 being interpreted as 1900-1999
	    // by Date.UTC / the multi-argument form of the Date constructor
	    if (is0To99(year)) {
	      date.setUTCFullYear(year);
	    }

	    if (offset !== 0) {
	      date.setTime(date.getTime() - offset);
	    }
	  } else {
	    date = new Date(year, month, day, hour, minute, second, ms);

	    if (is0To99(year)) {
	      date.setFullYear(year);
	    }
	  }

	  return date
	};

	function getDate (isoDate) {
	  var matches = DATE.exec(isoDate);
	  if (!matches) {
	    return
	  }

	  var year = parseInt(matches[1], 10);
	  var isBC = !!matches[4];
	  if (isBC) {
	    year = bcYearToNegativeYear(year);
	  }

	  var month = parseInt(matches[2], 10) - 1;
	  var day = matches[3];
	  // YYYY-MM-DD will be parsed as local time
	  var date = new Date(year, month, day);

	  if (is0To99(year)) {
	    date.setFullYear(year);
	  }

	  return date
	}

	// match timezones:
	// Z (UTC)
	// -05
	// +06:30
	function timeZoneOffset (isoDate) {
	  if (isoDate.endsWith('+00')) {
	    return 0
	  }

	  var zone = TIME_ZONE.exec(isoDate.split(' ')[1]);
	  if (!zone) return
	  var type = zone[1];

	  if (type === 'Z') {
	    return 0
	  }
	  var sign = type === '-' ? -1 : 1;
	  var offset = parseInt(zone[2], 10) * 3600 +
	    parseInt(zone[3] || 0, 10) * 60 +
	    parseInt(zone[4] || 0, 10);

	  return offset * sign * 1000
	}

	function bcYearToNegativeYear (year) {
	  // Account for numerical difference between representations of BC years
	  // See: https://github.com/bendrucker/postgres-date/issues/5
	  return -(year - 1)
	}

	function is0To99 (num) {
	  return num >= 0 && num < 100
	}
	return postgresDate;
}

var mutable;
var hasRequiredMutable;

function requireMutable () {
	if (hasRequiredMutable) return mutable;
	hasRequiredMutable = 1;
	mutable = extend;

	var hasOwnProperty = Object.prototype.hasOwnProperty;

	function extend(target) {
	    for (var i = 1; i < arguments.length; i++) {
	        var source = arguments[i];

	        for (var key in source) {
	            if (hasOwnProperty.call(source, key)) {
	                target[key] = source[key];
	            }
	        }
	    }

	    return target
	}
	return mutable;
}

var postgresInterval;
var hasRequiredPostgresInterval;

function requirePostgresInterval () {
	if (hasRequiredPostgresInterval) return postgresInterval;
	hasRequiredPostgresInterval = 1;

	var extend = requireMutable();

	postgresInterval = PostgresInterval;

	function PostgresInterval (raw) {
	  if (!(this instanceof PostgresInterval)) {
	    return new PostgresInterval(raw)
	  }
	  extend(this, parse(raw));
	}
	var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years'];
	PostgresInterval.prototype.toPostgres = function () {
	  var filtered = properties.filter(this.hasOwnProperty, this);

	  // In addition to `properties`, we need to account for fractions of seconds.
	  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
	    filtered.push('seconds');
	  }

	  if (filtered.length === 0) return '0'
	  return filtered
	    .map(function (property) {
	      var value = this[property] || 0;

	      // Account for fractional part of seconds,
	      // remove trailing zeroes.
	      if (property === 'seconds' && this.milliseconds) {
	        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '');
	      }

	      return value + ' ' + property
	    }, this)
	    .join(' ')
	};

	var propertiesISOEquivalent = {
	  years: 'Y',
	  months: 'M',
	  days: 'D',
	  hours: 'H',
	  minutes: 'M',
	  seconds: 'S'
	};
	var dateProperties = ['years', 'months', 'days'];
	var timeProperties = ['hours', 'minutes', 'seconds'];
	// according to ISO 8601
	PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
	  var datePart = dateProperties
	    .map(buildProperty, this)
	    .join('');

	  var timePart = timeProperties
	    .map(buildProperty, this)
	    .join('');

	  return 'P' + datePart + 'T' + timePart

	  function buildProperty (property) {
	    var value = this[property] || 0;

	    // Account for fractional part of seconds,
	    // remove trailing zeroes.
	    if (property === 'seconds' && this.milliseconds) {
	      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '');
	    }

	    return value + propertiesISOEquivalent[property]
	  }
	};

	var NUMBER = '([+-]?\\d+)';
	var YEAR = NUMBER + '\\s+years?';
	var MONTH = NUMBER + '\\s+mons?';
	var DAY = NUMBER + '\\s+days?';
	var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?';
	var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
	  return '(' + regexString + ')?'
	})
	  .join('\\s*'));

	// Positions of values in regex match
	var positions = {
	  years: 2,
	  months: 4,
	  days: 6,
	  hours: 9,
	  minutes: 10,
	  seconds: 11,
	  milliseconds: 12
	};
	// We can use negative time
	var negatives = ['hours', 'minutes', 'seconds', 'milliseconds'];

	function parseMilliseconds (fraction) {
	  // add omitted zeroes
	  var microseconds = fraction + '000000'.slice(fraction.length);
	  return parseInt(microseconds, 10) / 1000
	}

	function parse (interval) {
	  if (!interval) return {}
	  var matches = INTERVAL.exec(interval);
	  var isNegative = matches[8] === '-';
	  return Object.keys(positions)
	    .reduce(function (parsed, property) {
	      var position = positions[property];
	      var value = matches[position];
	      // no empty string
	      if (!value) return parsed
	      // milliseconds are actually microseconds (up to 6 digits)
	      // with omitted trailing zeroes.
	      value = property === 'milliseconds'
	        ? parseMilliseconds(value)
	        : parseInt(value, 10);
	      // no zeros
	      if (!value) return parsed
	      if (isNegative && ~negatives.indexOf(property)) {
	        value *= -1;
	      }
	      parsed[property] = value;
	      return parsed
	    }, {})
	}
	return postgresInterval;
}

var postgresBytea;
var hasRequiredPostgresBytea;

function requirePostgresBytea () {
	if (hasRequiredPostgresBytea) return postgresBytea;
	hasRequiredPostgresBytea = 1;

	var bufferFrom = Buffer.from || Buffer;

	postgresBytea = function parseBytea (input) {
	  if (/^\\x/.test(input)) {
	    // new 'hex' style response (pg >9.0)
	    return bufferFrom(input.substr(2), 'hex')
	  }
	  var output = '';
	  var i = 0;
	  while (i < input.length) {
	    if (input[i] !== '\\') {
	      output += input[i];
	      ++i;
	    } else {
	      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
	        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8));
	        i += 4;
	      } else {
	        var backslashes = 1;
	        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
	          backslashes++;
	        }
	        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
	          output += '\\';
	        }
	        i += Math.floor(backslashes / 2) * 2;
	      }
	    }
	  }
	  return bufferFrom(output, 'binary')
	};
	return postgresBytea;
}

var textParsers;
var hasRequiredTextParsers;

function requireTextParsers () {
	if (hasRequiredTextParsers) return textParsers;
	hasRequiredTextParsers = 1;
	var array = requirePostgresArray();
	var arrayParser = requireArrayParser();
	var parseDate = requirePostgresDate();
	var parseInterval = requirePostgresInterval();
	var parseByteA = requirePostgresBytea();

	function allowNull (fn) {
	  return function nullAllowed (value) {
	    if (value === null) return value
	    return fn(value)
	  }
	}

	function parseBool (value) {
	  if (value === null) return value
	  return value === 'TRUE' ||
	    value === 't' ||
	    value === 'true' ||
	    value === 'y' ||
	    value === 'yes' ||
	    value === 'on' ||
	    value === '1';
	}

	function parseBoolArray (value) {
	  if (!value) return null
	  return array.parse(value, parseBool)
	}

	function parseBaseTenInt (string) {
	  return parseInt(string, 10)
	}

	function parseIntegerArray (value) {
	  if (!value) return null
	  return array.parse(value, allowNull(parseBaseTenInt))
	}

	function parseBigIntegerArray (value) {
	  if (!value) return null
	  return array.parse(value, allowNull(function (entry) {
	    return parseBigInteger(entry).trim()
	  }))
	}

	var parsePointArray = function(value) {
	  if(!value) { return null; }
	  var p = arrayParser.create(value, function(entry) {
	    if(entry !== null) {
	      entry = parsePoint(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseFloatArray = function(value) {
	  if(!value) { return null; }
	  var p = arrayParser.create(value, function(entry) {
	    if(entry !== null) {
	      entry = parseFloat(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseStringArray = function(value) {
	  if(!value) { return null; }

	  var p = arrayParser.create(value);
	  return p.parse();
	};

	var parseDateArray = function(value) {
	  if (!value) { return null; }

	  var p = arrayParser.create(value, function(entry) {
	    if (entry !== null) {
	      entry = parseDate(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseIntervalArray = function(value) {
	  if (!value) { return null; }

	  var p = arrayParser.create(value, function(entry) {
	    if (entry !== null) {
	      entry = parseInterval(entry);
	    }
	    return entry;
	  });

	  return p.parse();
	};

	var parseByteAArray = function(value) {
	  if (!value) { return null; }

	  return array.parse(value, allowNull(parseByteA));
	};

	var parseInteger = function(value) {
	  return parseInt(value, 10);
	};

	var parseBigInteger = function(value) {
	  var valStr = String(value);
	  if (/^\d+$/.test(valStr)) { return valStr; }
	  return value;
	};

	var parseJsonArray = function(value) {
	  if (!value) { return null; }

	  return array.parse(value, allowNull(JSON.parse));
	};

	var parsePoint = function(value) {
	  if (value[0] !== '(') { return null; }

	  value = value.substring( 1, value.length - 1 ).split(',');

	  return {
	    x: parseFloat(value[0])
	  , y: parseFloat(value[1])
	  };
	};

	var parseCircle = function(value) {
	  if (value[0] !== '<' && value[1] !== '(') { return null; }

	  var point = '(';
	  var radius = '';
	  var pointParsed = false;
	  for (var i = 2; i < value.length - 1; i++){
	    if (!pointParsed) {
	      point += value[i];
	    }

	    if (value[i] === ')') {
	      pointParsed = true;
	      continue;
	    } else if (!pointParsed) {
	      continue;
	    }

	    if (value[i] === ','){
	      continue;
	    }

	    radius += value[i];
	  }
	  var result = parsePoint(point);
	  result.radius = parseFloat(radius);

	  return result;
	};

	var init = function(register) {
	  register(20, parseBigInteger); // int8
	  register(21, parseInteger); // int2
	  register(23, parseInteger); // int4
	  register(26, parseInteger); // oid
	  register(700, parseFloat); // float4/real
	  register(701, parseFloat); // float8/double
	  register(16, parseBool);
	  register(1082, parseDate); // date
	  register(1114, parseDate); // timestamp without timezone
	  register(1184, parseDate); // timestamp
	  register(600, parsePoint); // point
	  register(651, parseStringArray); // cidr[]
	  register(718, parseCircle); // circle
	  register(1000, parseBoolArray);
	  register(1001, parseByteAArray);
	  register(1005, parseIntegerArray); // _int2
	  register(1007, parseIntegerArray); // _int4
	  register(1028, parseIntegerArray); // oid[]
	  register(1016, parseBigIntegerArray); // _int8
	  register(1017, parsePointArray); // point[]
	  register(1021, parseFloatArray); // _float4
	  register(1022, parseFloatArray); // _float8
	  register(1231, parseFloatArray); // _numeric
	  register(1014, parseStringArray); //char
	  register(1015, parseStringArray); //varchar
	  register(1008, parseStringArray);
	  register(1009, parseStringArray);
	  register(1040, parseStringArray); // macaddr[]
	  register(1041, parseStringArray); // inet[]
	  register(1115, parseDateArray); // timestamp without time zone[]
	  register(1182, parseDateArray); // _date
	  register(1185, parseDateArray); // timestamp with time zone[]
	  register(1186, parseInterval);
	  register(1187, parseIntervalArray);
	  register(17, parseByteA);
	  register(114, JSON.parse.bind(JSON)); // json
	  register(3802, JSON.parse.bind(JSON)); // jsonb
	  register(199, parseJsonArray); // json[]
	  register(3807, parseJsonArray); // jsonb[]
	  register(3907, parseStringArray); // numrange[]
	  register(2951, parseStringArray); // uuid[]
	  register(791, parseStringArray); // money[]
	  register(1183, parseStringArray); // time[]
	  register(1270, parseStringArray); // timetz[]
	};

	textParsers = {
	  init: init
	};
	return textParsers;
}

var pgInt8;
var hasRequiredPgInt8;

function requirePgInt8 () {
	if (hasRequiredPgInt8) return pgInt8;
	hasRequiredPgInt8 = 1;

	// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
	var BASE = 1000000;

	function readInt8(buffer) {
		var high = buffer.readInt32BE(0);
		var low = buffer.readUInt32BE(4);
		var sign = '';

		if (high < 0) {
			high = ~high + (low === 0);
			low = (~low + 1) >>> 0;
			sign = '-';
		}

		var result = '';
		var carry;
		var t;
		var digits;
		var pad;
		var l;
		var i;

		{
			carry = high % BASE;
			high = high / BASE >>> 0;

			t = 0x100000000 * carry + low;
			low = t / BASE >>> 0;
			digits = '' + (t - BASE * low);

			if (low === 0 && high === 0) {
				return sign + digits + result;
			}

			pad = '';
			l = 6 - digits.length;

			for (i = 0; i < l; i++) {
				pad += '0';
			}

			result = pad + digits + result;
		}

		{
			carry = high % BASE;
			high = high / BASE >>> 0;

			t = 0x100000000 * carry + low;
			low = t / BASE >>> 0;
			digits = '' + (t - BASE * low);

			if (low === 0 && high === 0) {
				return sign + digits + result;
			}

			pad = '';
			l = 6 - digits.length;

			for (i = 0; i < l; i++) {
				pad += '0';
			}

			result = pad + digits + result;
		}

		{
			carry = high % BASE;
			high = high / BASE >>> 0;

			t = 0x100000000 * carry + low;
			low = t / BASE >>> 0;
			digits = '' + (t - BASE * low);

			if (low === 0 && high === 0) {
				return sign + digits + result;
			}

			pad = '';
			l = 6 - digits.length;

			for (i = 0; i < l; i++) {
				pad += '0';
			}

			result = pad + digits + result;
		}

		{
			carry = high % BASE;
			t = 0x100000000 * carry + low;
			digits = '' + t % BASE;

			return sign + digits + result;
		}
	}

	pgInt8 = readInt8;
	return pgInt8;
}

var binaryParsers;
var hasRequiredBinaryParsers;

function requireBinaryParsers () {
	if (hasRequiredBinaryParsers) return binaryParsers;
	hasRequiredBinaryParsers = 1;
	var parseInt64 = requirePgInt8();

	var parseBits = function(data, bits, offset, invert, callback) {
	  offset = offset || 0;
	  invert = invert || false;
	  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
	  var offsetBytes = offset >> 3;

	  var inv = function(value) {
	    if (invert) {
	      return ~value & 0xff;
	    }

	    return value;
	  };

	  // read first (maybe partial) byte
	  var mask = 0xff;
	  var firstBits = 8 - (offset % 8);
	  if (bits < firstBits) {
	    mask = (0xff << (8 - bits)) & 0xff;
	    firstBits = bits;
	  }

	  if (offset) {
	    mask = mask >> (offset % 8);
	  }

	  var result = 0;
	  if ((offset % 8) + bits >= 8) {
	    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
	  }

	  // read bytes
	  var bytes = (bits + offset) >> 3;
	  for (var i = offsetBytes + 1; i < bytes; i++) {
	    result = callback(result, inv(data[i]), 8);
	  }

	  // bits to read, that are not a complete byte
	  var lastBits = (bits + offset) % 8;
	  if (lastBits > 0) {
	    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
	  }

	  return result;
	};

	var parseFloatFromBits = function(data, precisionBits, exponentBits) {
	  var bias = Math.pow(2, exponentBits - 1) - 1;
	  var sign = parseBits(data, 1);
	  var exponent = parseBits(data, exponentBits, 1);

	  if (exponent === 0) {
	    return 0;
	  }

	  // parse mantissa
	  var precisionBitsCounter = 1;
	  var parsePrecisionBits = function(lastValue, newValue, bits) {
	    if (lastValue === 0) {
	      lastValue = 1;
	    }

	    for (var i = 1; i <= bits; i++) {
	      precisionBitsCounter /= 2;
	      if ((newValue & (0x1 << (bits - i))) > 0) {
	        lastValue += precisionBitsCounter;
	      }
	    }

	    return lastValue;
	  };

	  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

	  // special cases
	  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
	    if (mantissa === 0) {
	      return (sign === 0) ? Infinity : -Infinity;
	    }

	    return NaN;
	  }

	  // normale number
	  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
	};

	var parseInt16 = function(value) {
	  if (parseBits(value, 1) == 1) {
	    return -1 * (parseBits(value, 15, 1, true) + 1);
	  }

	  return parseBits(value, 15, 1);
	};

	var parseInt32 = function(value) {
	  if (parseBits(value, 1) == 1) {
	    return -1 * (parseBits(value, 31, 1, true) + 1);
	  }

	  return parseBits(value, 31, 1);
	};

	var parseFloat32 = function(value) {
	  return parseFloatFromBits(value, 23, 8);
	};

	var parseFloat64 = function(value) {
	  return parseFloatFromBits(value, 52, 11);
	};

	var parseNumeric = function(value) {
	  var sign = parseBits(value, 16, 32);
	  if (sign == 0xc000) {
	    return NaN;
	  }

	  var weight = Math.pow(10000, parseBits(value, 16, 16));
	  var result = 0;
	  var ndigits = parseBits(value, 16);
	  for (var i = 0; i < ndigits; i++) {
	    result += parseBits(value, 16, 64 + (16 * i)) * weight;
	    weight /= 10000;
	  }

	  var scale = Math.pow(10, parseBits(value, 16, 48));
	  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
	};

	var parseDate = function(isUTC, value) {
	  var sign = parseBits(value, 1);
	  var rawValue = parseBits(value, 63, 1);

	  // discard usecs and shift from 2000 to 1970
	  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

	  if (!isUTC) {
	    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
	  }

	  // add microseconds to the date
	  result.usec = rawValue % 1000;
	  result.getMicroSeconds = function() {
	    return this.usec;
	  };
	  result.setMicroSeconds = function(value) {
	    this.usec = value;
	  };
	  result.getUTCMicroSeconds = function() {
	    return this.usec;
	  };

	  return result;
	};

	var parseArray = function(value) {
	  var dim = parseBits(value, 32);

	  parseBits(value, 32, 32);
	  var elementType = parseBits(value, 32, 64);

	  var offset = 96;
	  var dims = [];
	  for (var i = 0; i < dim; i++) {
	    // parse dimension
	    dims[i] = parseBits(value, 32, offset);
	    offset += 32;

	    // ignore lower bounds
	    offset += 32;
	  }

	  var parseElement = function(elementType) {
	    // parse content length
	    var length = parseBits(value, 32, offset);
	    offset += 32;

	    // parse null values
	    if (length == 0xffffffff) {
	      return null;
	    }

	    var result;
	    if ((elementType == 0x17) || (elementType == 0x14)) {
	      // int/bigint
	      result = parseBits(value, length * 8, offset);
	      offset += length * 8;
	      return result;
	    }
	    else if (elementType == 0x19) {
	      // string
	      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
	      return result;
	    }
	    else {
	      console.log("ERROR: ElementType not implemented: " + elementType);
	    }
	  };

	  var parse = function(dimension, elementType) {
	    var array = [];
	    var i;

	    if (dimension.length > 1) {
	      var count = dimension.shift();
	      for (i = 0; i < count; i++) {
	        array[i] = parse(dimension, elementType);
	      }
	      dimension.unshift(count);
	    }
	    else {
	      for (i = 0; i < dimension[0]; i++) {
	        array[i] = parseElement(elementType);
	      }
	    }

	    return array;
	  };

	  return parse(dims, elementType);
	};

	var parseText = function(value) {
	  return value.toString('utf8');
	};

	var parseBool = function(value) {
	  if(value === null) return null;
	  return (parseBits(value, 8) > 0);
	};

	var init = function(register) {
	  register(20, parseInt64);
	  register(21, parseInt16);
	  register(23, parseInt32);
	  register(26, parseInt32);
	  register(1700, parseNumeric);
	  register(700, parseFloat32);
	  register(701, parseFloat64);
	  register(16, parseBool);
	  register(1114, parseDate.bind(null, false));
	  register(1184, parseDate.bind(null, true));
	  register(1000, parseArray);
	  register(1007, parseArray);
	  register(1016, parseArray);
	  register(1008, parseArray);
	  register(1009, parseArray);
	  register(25, parseText);
	};

	binaryParsers = {
	  init: init
	};
	return binaryParsers;
}

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

var builtins;
var hasRequiredBuiltins;

function requireBuiltins () {
	if (hasRequiredBuiltins) return builtins;
	hasRequiredBuiltins = 1;
	builtins = {
	    BOOL: 16,
	    BYTEA: 17,
	    CHAR: 18,
	    INT8: 20,
	    INT2: 21,
	    INT4: 23,
	    REGPROC: 24,
	    TEXT: 25,
	    OID: 26,
	    TID: 27,
	    XID: 28,
	    CID: 29,
	    JSON: 114,
	    XML: 142,
	    PG_NODE_TREE: 194,
	    SMGR: 210,
	    PATH: 602,
	    POLYGON: 604,
	    CIDR: 650,
	    FLOAT4: 700,
	    FLOAT8: 701,
	    ABSTIME: 702,
	    RELTIME: 703,
	    TINTERVAL: 704,
	    CIRCLE: 718,
	    MACADDR8: 774,
	    MONEY: 790,
	    MACADDR: 829,
	    INET: 869,
	    ACLITEM: 1033,
	    BPCHAR: 1042,
	    VARCHAR: 1043,
	    DATE: 1082,
	    TIME: 1083,
	    TIMESTAMP: 1114,
	    TIMESTAMPTZ: 1184,
	    INTERVAL: 1186,
	    TIMETZ: 1266,
	    BIT: 1560,
	    VARBIT: 1562,
	    NUMERIC: 1700,
	    REFCURSOR: 1790,
	    REGPROCEDURE: 2202,
	    REGOPER: 2203,
	    REGOPERATOR: 2204,
	    REGCLASS: 2205,
	    REGTYPE: 2206,
	    UUID: 2950,
	    TXID_SNAPSHOT: 2970,
	    PG_LSN: 3220,
	    PG_NDISTINCT: 3361,
	    PG_DEPENDENCIES: 3402,
	    TSVECTOR: 3614,
	    TSQUERY: 3615,
	    GTSVECTOR: 3642,
	    REGCONFIG: 3734,
	    REGDICTIONARY: 3769,
	    JSONB: 3802,
	    REGNAMESPACE: 4089,
	    REGROLE: 4096
	};
	return builtins;
}

var hasRequiredPgTypes;

function requirePgTypes () {
	if (hasRequiredPgTypes) return pgTypes;
	hasRequiredPgTypes = 1;
	var textParsers = requireTextParsers();
	var binaryParsers = requireBinaryParsers();
	var arrayParser = requireArrayParser();
	var builtinTypes = requireBuiltins();

	pgTypes.getTypeParser = getTypeParser;
	pgTypes.setTypeParser = setTypeParser;
	pgTypes.arrayParser = arrayParser;
	pgTypes.builtins = builtinTypes;

	var typeParsers = {
	  text: {},
	  binary: {}
	};

	//the empty parse function
	function noParse (val) {
	  return String(val);
	}
	//returns a function used to convert a specific type (specified by
	//oid) into a result javascript type
	//note: the oid can be obtained via the following sql query:
	//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
	function getTypeParser (oid, format) {
	  format = format || 'text';
	  if (!typeParsers[format]) {
	    return noParse;
	  }
	  return typeParsers[format][oid] || noParse;
	}
	function setTypeParser (oid, format, parseFn) {
	  if(typeof format == 'function') {
	    parseFn = format;
	    format = 'text';
	  }
	  typeParsers[format][oid] = parseFn;
	}
	textParsers.init(function(oid, converter) {
	  typeParsers.text[oid] = converter;
	});

	binaryParsers.init(function(oid, converter) {
	  typeParsers.binary[oid] = converter;
	});
	return pgTypes;
}

var hasRequiredDefaults;

function requireDefaults () {
	if (hasRequiredDefaults) return defaults.exports;
	hasRequiredDefaults = 1;
	(function (module) {

		let user;
		try {
		  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER;
		} catch {
		  // ignore, e.g., Deno without --allow-env
		}

		module.exports = {
		  // database host. defaults to localhost
		  host: 'localhost',

		  // database user's name
		  user,

		  // name of database to connect
		  database: undefined,

		  // database user's password
		  password: null,

		  // a Postgres connection string to be used instead of setting individual connection items
		  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
		  // in the defaults object.
		  connectionString: undefined,

		  // database port
		  port: 5432,

		  // number of rows to return at a time from a prepared statement's
		  // portal. 0 will return all rows at once
		  rows: 0,

		  // binary result mode
		  binary: false,

		  // Connection pool options - see https://github.com/brianc/node-pg-pool

		  // number of connections to use in connection pool
		  // 0 will disable connection pooling
		  max: 10,

		  // max milliseconds a client can go unused before it is removed
		  // from the pool and destroyed
		  idleTimeoutMillis: 30000,

		  client_encoding: '',

		  ssl: false,

		  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
		  sslnegotiation: undefined,

		  application_name: undefined,

		  fallback_application_name: undefined,

		  options: undefined,

		  parseInputDatesAsUTC: false,

		  // max milliseconds any query using this connection will execute for before timing out in error.
		  // false=unlimited
		  statement_timeout: false,

		  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
		  // false=unlimited
		  lock_timeout: false,

		  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
		  // false=unlimited
		  idle_in_transaction_session_timeout: false,

		  // max milliseconds to wait for query to complete (client side)
		  query_timeout: false,

		  connect_timeout: 0,

		  keepalives: 1,

		  keepalives_idle: 0,
		};

		const pgTypes = requirePgTypes();
		// save default parsers
		const parseBigInteger = pgTypes.getTypeParser(20, 'text');
		const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text');

		// parse int8 so you can get your count values as actual numbers
		module.exports.__defineSetter__('parseInt8', function (val) {
		  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger);
		  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray);
		}); 
	} (defaults));
	return defaults.exports;
}

var utils$1;
var hasRequiredUtils$1;

function requireUtils$1 () {
	if (hasRequiredUtils$1) return utils$1;
	hasRequiredUtils$1 = 1;

	const defaults = requireDefaults();
	const nodeUtils = require('util');

	const { isDate } = require('util/types');

	const invalidDateDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
	  'PG_INVALID_DATE'
	);

	function escapeElement(elementRepresentation) {
	  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

	  return '"' + escaped + '"'
	}

	// convert a JS array to a postgres array literal
	// uses comma separator so won't work for types like box that use
	// a different array separator.
	function arrayString(val) {
	  let result = '{';
	  for (let i = 0; i < val.length; i++) {
	    if (i > 0) {
	      result += ',';
	    }
	    let item = val[i];
	    if (item == null) {
	      result += 'NULL';
	    } else if (Array.isArray(item)) {
	      result += arrayString(item);
	    } else if (ArrayBuffer.isView(item)) {
	      if (!(item instanceof Buffer)) {
	        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
	      }
	      result += '\\\\x' + item.toString('hex');
	    } else {
	      result += escapeElement(prepareValue(item));
	    }
	  }
	  result += '}';
	  return result
	}

	// converts values from javascript types
	// to their 'raw' counterparts for use as a postgres parameter
	// note: you can override this function to provide your own conversion mechanism
	// for complex types, etc...
	const prepareValue = function (val, seen) {
	  // null and undefined are both null for postgres
	  if (val == null) {
	    return null
	  }
	  if (typeof val === 'object') {
	    if (val instanceof Buffer) {
	      return val
	    }
	    if (ArrayBuffer.isView(val)) {
	      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
	    }
	    if (isDate(val)) {
	      if (isNaN(val.getTime())) {
	        invalidDateDeprecationNotice();
	      }
	      if (defaults.parseInputDatesAsUTC) {
	        return dateToStringUTC(val)
	      } else {
	        return dateToString(val)
	      }
	    }
	    if (Array.isArray(val)) {
	      return arrayString(val)
	    }

	    return prepareObject(val, seen)
	  }
	  return val.toString()
	};

	function prepareObject(val, seen) {
	  if (val && typeof val.toPostgres === 'function') {
	    seen = seen || [];
	    if (seen.indexOf(val) !== -1) {
	      throw new Error('circular reference detected while preparing "' + val + '" for query')
	    }
	    seen.push(val);

	    return prepareValue(val.toPostgres(prepareValue), seen)
	  }
	  return JSON.stringify(val)
	}

	function dateToString(date) {
	  let offset = -date.getTimezoneOffset();

	  let year = date.getFullYear();
	  const isBCYear = year < 1;
	  if (isBCYear) year = Math.abs(year) + 1; // negative years are 1 off their BC representation

	  let ret =
	    String(year).padStart(4, '0') +
	    '-' +
	    String(date.getMonth() + 1).padStart(2, '0') +
	    '-' +
	    String(date.getDate()).padStart(2, '0') +
	    'T' +
	    String(date.getHours()).padStart(2, '0') +
	    ':' +
	    String(date.getMinutes()).padStart(2, '0') +
	    ':' +
	    String(date.getSeconds()).padStart(2, '0') +
	    '.' +
	    String(date.getMilliseconds()).padStart(3, '0');

	  if (offset < 0) {
	    ret += '-';
	    offset *= -1;
	  } else {
	    ret += '+';
	  }

	  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0');
	  if (isBCYear) ret += ' BC';
	  return ret
	}

	function dateToStringUTC(date) {
	  let year = date.getUTCFullYear();
	  const isBCYear = year < 1;
	  if (isBCYear) year = Math.abs(year) + 1; // negative years are 1 off their BC representation

	  let ret =
	    String(year).padStart(4, '0') +
	    '-' +
	    String(date.getUTCMonth() + 1).padStart(2, '0') +
	    '-' +
	    String(date.getUTCDate()).padStart(2, '0') +
	    'T' +
	    String(date.getUTCHours()).padStart(2, '0') +
	    ':' +
	    String(date.getUTCMinutes()).padStart(2, '0') +
	    ':' +
	    String(date.getUTCSeconds()).padStart(2, '0') +
	    '.' +
	    String(date.getUTCMilliseconds()).padStart(3, '0');

	  ret += '+00:00';
	  if (isBCYear) ret += ' BC';
	  return ret
	}

	function normalizeQueryConfig(config, values, callback) {
	  // can take in strings or config objects
	  // Copy config so normalization does not mutate the caller's object.
	  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config);
	  if (values) {
	    if (typeof values === 'function') {
	      config.callback = values;
	    } else {
	      config.values = values;
	    }
	  }
	  if (callback) {
	    config.callback = callback;
	  }
	  return config
	}

	function cloneQueryConfig(config) {
	  if (config == null) {
	    return config
	  }
	  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
	}

	// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
	const escapeIdentifier = function (str) {
	  return '"' + str.replace(/"/g, '""') + '"'
	};

	const escapeLiteral = function (str) {
	  let hasBackslash = false;
	  let escaped = "'";

	  if (str == null) {
	    return "''"
	  }

	  if (typeof str !== 'string') {
	    return "''"
	  }

	  for (let i = 0; i < str.length; i++) {
	    const c = str[i];
	    if (c === "'") {
	      escaped += c + c;
	    } else if (c === '\\') {
	      escaped += c + c;
	      hasBackslash = true;
	    } else {
	      escaped += c;
	    }
	  }

	  escaped += "'";

	  if (hasBackslash === true) {
	    escaped = ' E' + escaped;
	  }

	  return escaped
	};

	utils$1 = {
	  prepareValue: function prepareValueWrapper(value) {
	    // this ensures that extra arguments do not get passed into prepareValue
	    // by accident, eg: from calling values.map(utils.prepareValue)
	    return prepareValue(value)
	  },
	  normalizeQueryConfig,
	  escapeIdentifier,
	  escapeLiteral,
	};
	return utils$1;
}

var utils;
var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	const nodeCrypto = require('crypto');

	utils = {
	  postgresMd5PasswordHash,
	  randomBytes,
	  deriveKey,
	  sha256,
	  hashByName,
	  hmacSha256,
	  md5,
	};

	/**
	 * The Web Crypto API - grabbed from the Node.js library or the global
	 * @type Crypto
	 */
	// eslint-disable-next-line no-undef
	const webCrypto = nodeCrypto.webcrypto || globalThis.crypto;
	/**
	 * The SubtleCrypto API for low level crypto operations.
	 * @type SubtleCrypto
	 */
	const subtleCrypto = webCrypto.subtle;
	const textEncoder = new TextEncoder();

	/**
	 *
	 * @param {*} length
	 * @returns
	 */
	function randomBytes(length) {
	  return webCrypto.getRandomValues(Buffer.alloc(length))
	}

	async function md5(string) {
	  try {
	    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
	  } catch (e) {
	    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
	    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
	    // This is why we cannot just use WebCrypto in all environments.
	    const data = typeof string === 'string' ? textEncoder.encode(string) : string;
	    const hash = await subtleCrypto.digest('MD5', data);
	    return Array.from(new Uint8Array(hash))
	      .map((b) => b.toString(16).padStart(2, '0'))
	      .join('')
	  }
	}

	// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
	async function postgresMd5PasswordHash(user, password, salt) {
	  const inner = await md5(password + user);
	  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]));
	  return 'md5' + outer
	}

	/**
	 * Create a SHA-256 digest of the given data
	 * @param {Buffer} data
	 */
	async function sha256(text) {
	  return await subtleCrypto.digest('SHA-256', text)
	}

	async function hashByName(hashName, text) {
	  return await subtleCrypto.digest(hashName, text)
	}

	/**
	 * Sign the message with the given key
	 * @param {ArrayBuffer} keyBuffer
	 * @param {string} msg
	 */
	async function hmacSha256(keyBuffer, msg) {
	  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
	}

	/**
	 * Derive a key from the password and salt
	 * @param {string} password
	 * @param {Uint8Array} salt
	 * @param {number} iterations
	 */
	async function deriveKey(password, salt, iterations) {
	  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits']);
	  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations };
	  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
	}
	return utils;
}

var certSignatures;
var hasRequiredCertSignatures;

function requireCertSignatures () {
	if (hasRequiredCertSignatures) return certSignatures;
	hasRequiredCertSignatures = 1;
	function x509Error(msg, cert) {
	  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
	}

	function readASN1Length(data, index) {
	  let length = data[index++];
	  if (length < 0x80) return { length, index }

	  const lengthBytes = length & 0x7f;
	  if (lengthBytes > 4) throw x509Error('bad length', data)

	  length = 0;
	  for (let i = 0; i < lengthBytes; i++) {
	    length = (length << 8) | data[index++];
	  }

	  return { length, index }
	}

	function readASN1OID(data, index) {
	  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

	  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index);
	  index = indexAfterOIDLength;
	  const lastIndex = index + OIDLength;

	  const byte1 = data[index++];
	  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40);

	  while (index < lastIndex) {
	    // loop over numbers in OID
	    let value = 0;
	    while (index < lastIndex) {
	      // loop over bytes in number
	      const nextByte = data[index++];
	      value = (value << 7) | (nextByte & 0x7f);
	      if (nextByte < 0x80) break
	    }
	    oid += '.' + value;
	  }

	  return { oid, index }
	}

	function expectASN1Seq(data, index) {
	  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
	  return readASN1Length(data, index)
	}

	function signatureAlgorithmHashFromCertificate(data, index) {
	  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
	  if (index === undefined) index = 0;
	  index = expectASN1Seq(data, index).index;
	  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index);
	  index = indexAfterCertInfoLength + certInfoLength; // skip over certificate info
	  index = expectASN1Seq(data, index).index; // skip over signature length field
	  const { oid, index: indexAfterOID } = readASN1OID(data, index);
	  switch (oid) {
	    // RSA
	    case '1.2.840.113549.1.1.4':
	      return 'MD5'
	    case '1.2.840.113549.1.1.5':
	      return 'SHA-1'
	    case '1.2.840.113549.1.1.11':
	      return 'SHA-256'
	    case '1.2.840.113549.1.1.12':
	      return 'SHA-384'
	    case '1.2.840.113549.1.1.13':
	      return 'SHA-512'
	    case '1.2.840.113549.1.1.14':
	      return 'SHA-224'
	    case '1.2.840.113549.1.1.15':
	      return 'SHA512-224'
	    case '1.2.840.113549.1.1.16':
	      return 'SHA512-256'
	    // ECDSA
	    case '1.2.840.10045.4.1':
	      return 'SHA-1'
	    case '1.2.840.10045.4.3.1':
	      return 'SHA-224'
	    case '1.2.840.10045.4.3.2':
	      return 'SHA-256'
	    case '1.2.840.10045.4.3.3':
	      return 'SHA-384'
	    case '1.2.840.10045.4.3.4':
	      return 'SHA-512'
	    // RSASSA-PSS: hash is indicated separately
	    case '1.2.840.113549.1.1.10': {
	      index = indexAfterOID;
	      index = expectASN1Seq(data, index).index;
	      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
	      index = readASN1Length(data, index).index; // skip over tag length field
	      index = expectASN1Seq(data, index).index; // skip over sequence length field
	      const { oid: hashOID } = readASN1OID(data, index);
	      switch (hashOID) {
	        // standalone hash OIDs
	        case '1.2.840.113549.2.5':
	          return 'MD5'
	        case '1.3.14.3.2.26':
	          return 'SHA-1'
	        case '2.16.840.1.101.3.4.2.1':
	          return 'SHA-256'
	        case '2.16.840.1.101.3.4.2.2':
	          return 'SHA-384'
	        case '2.16.840.1.101.3.4.2.3':
	          return 'SHA-512'
	      }
	      throw x509Error('unknown hash OID ' + hashOID, data)
	    }
	    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
	    case '1.3.101.110':
	    case '1.3.101.112': // ph
	      return 'SHA-512'
	    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
	    case '1.3.101.111':
	    case '1.3.101.113': // ph
	      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
	  }
	  throw x509Error('unknown OID ' + oid, data)
	}

	certSignatures = { signatureAlgorithmHashFromCertificate };
	return certSignatures;
}

var sasl;
var hasRequiredSasl;

function requireSasl () {
	if (hasRequiredSasl) return sasl;
	hasRequiredSasl = 1;
	const crypto = requireUtils();
	const { signatureAlgorithmHashFromCertificate } = requireCertSignatures();

	// SASLprep (RFC 4013) — minimal in-tree implementation.
	//
	// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
	// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
	// SASLprep when computing the stored verifier, and libpq does the same client
	// side, so passwords whose NFKC form differs from the raw form
	// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
	//
	// We deliberately implement only the three steps that change the byte content:
	//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
	//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
	//   3. NFKC normalization.
	// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
	// libpq is forgiving on those paths and Postgres's own SASLprep matches that
	// leniency for legacy roles, so omitting the rejection logic keeps existing
	// roles working without adding complexity.
	function saslprep(password) {
	  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
	  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
	  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
	  // contains zero-width joiners and variation selectors — the very characters
	  // ESLint's no-misleading-character-class warns about — because they combine
	  // with their neighbors and the RFC strips them for that reason.
	  // eslint-disable-next-line no-misleading-character-class
	  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
	  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
	}

	const DEFAULT_MAX_SCRAM_ITERATIONS = 100000;

	function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
	  const candidates = ['SCRAM-SHA-256'];
	  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS'); // higher-priority, so placed first

	  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate));

	  if (!mechanism) {
	    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
	  }

	  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
	    // this should never happen if we are really talking to a Postgres server
	    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
	  }

	  const clientNonce = crypto.randomBytes(18).toString('base64');
	  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n';

	  return {
	    mechanism,
	    clientNonce,
	    response: gs2Header + ',,n=*,r=' + clientNonce,
	    message: 'SASLInitialResponse',
	    scramMaxIterations,
	  }
	}

	async function continueSession(session, password, serverData, stream) {
	  if (session.message !== 'SASLInitialResponse') {
	    throw new Error('SASL: Last message was not SASLInitialResponse')
	  }
	  if (typeof password !== 'string') {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
	  }
	  if (password === '') {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
	  }
	  if (typeof serverData !== 'string') {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
	  }

	  const sv = parseServerFirstMessage(serverData);

	  if (!sv.nonce.startsWith(session.clientNonce)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
	  } else if (sv.nonce.length === session.clientNonce.length) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
	  }

	  const scramMaxIterations =
	    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS;
	  // a value of 0 disables the iteration count check
	  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
	    throw new Error(
	      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
	        sv.iteration +
	        ' exceeds scramMaxIterations of ' +
	        scramMaxIterations
	    )
	  }

	  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce;
	  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration;

	  // without channel binding:
	  let channelBinding = stream ? 'eSws' : 'biws'; // 'y,,' or 'n,,', base64-encoded

	  // override if channel binding is in use:
	  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
	    const peerCert = stream.getPeerCertificate().raw;
	    let hashName = signatureAlgorithmHashFromCertificate(peerCert);
	    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256';
	    const certHash = await crypto.hashByName(hashName, peerCert);
	    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)]);
	    channelBinding = bindingData.toString('base64');
	  }

	  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce;
	  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof;

	  const saltBytes = Buffer.from(sv.salt, 'base64');
	  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration);
	  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key');
	  const storedKey = await crypto.sha256(clientKey);
	  const clientSignature = await crypto.hmacSha256(storedKey, authMessage);
	  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64');
	  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key');
	  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage);

	  session.message = 'SASLResponse';
	  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64');
	  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof;
	}

	function finalizeSession(session, serverData) {
	  if (session.message !== 'SASLResponse') {
	    throw new Error('SASL: Last message was not SASLResponse')
	  }
	  if (typeof serverData !== 'string') {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
	  }

	  const { serverSignature } = parseServerFinalMessage(serverData);

	  if (serverSignature !== session.serverSignature) {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
	  }
	}

	/**
	 * printable       = %x21-2B / %x2D-7E
	 *                   ;; Printable ASCII except ",".
	 *                   ;; Note that any "printable" is also
	 *                   ;; a valid "value".
	 */
	function isPrintableChars(text) {
	  if (typeof text !== 'string') {
	    throw new TypeError('SASL: text must be a string')
	  }
	  return text
	    .split('')
	    .map((_, i) => text.charCodeAt(i))
	    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
	}

	/**
	 * base64-char     = ALPHA / DIGIT / "/" / "+"
	 *
	 * base64-4        = 4base64-char
	 *
	 * base64-3        = 3base64-char "="
	 *
	 * base64-2        = 2base64-char "=="
	 *
	 * base64          = *base64-4 [base64-3 / base64-2]
	 */
	function isBase64(text) {
	  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
	}

	function parseAttributePairs(text) {
	  if (typeof text !== 'string') {
	    throw new TypeError('SASL: attribute pairs text must be a string')
	  }

	  return new Map(
	    text.split(',').map((attrValue) => {
	      if (!/^.=/.test(attrValue)) {
	        throw new Error('SASL: Invalid attribute pair entry')
	      }
	      const name = attrValue[0];
	      const value = attrValue.substring(2);
	      return [name, value]
	    })
	  )
	}

	function parseServerFirstMessage(data) {
	  const attrPairs = parseAttributePairs(data);

	  const nonce = attrPairs.get('r');
	  if (!nonce) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
	  } else if (!isPrintableChars(nonce)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
	  }
	  const salt = attrPairs.get('s');
	  if (!salt) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
	  } else if (!isBase64(salt)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
	  }
	  const iterationText = attrPairs.get('i');
	  if (!iterationText) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
	  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
	    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
	  }
	  const iteration = parseInt(iterationText, 10);

	  return {
	    nonce,
	    salt,
	    iteration,
	  }
	}

	function parseServerFinalMessage(serverData) {
	  const attrPairs = parseAttributePairs(serverData);
	  const error = attrPairs.get('e');
	  const serverSignature = attrPairs.get('v');

	  if (error) {
	    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
	  }

	  if (!serverSignature) {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
	  } else if (!isBase64(serverSignature)) {
	    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
	  }
	  return {
	    serverSignature,
	  }
	}

	function xorBuffers(a, b) {
	  if (!Buffer.isBuffer(a)) {
	    throw new TypeError('first argument must be a Buffer')
	  }
	  if (!Buffer.isBuffer(b)) {
	    throw new TypeError('second argument must be a Buffer')
	  }
	  if (a.length !== b.length) {
	    throw new Error('Buffer lengths must match')
	  }
	  if (a.length === 0) {
	    throw new Error('Buffers cannot be empty')
	  }
	  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
	}

	sasl = {
	  startSession,
	  continueSession,
	  finalizeSession,
	  DEFAULT_MAX_SCRAM_ITERATIONS,
	};
	return sasl;
}

var typeOverrides;
var hasRequiredTypeOverrides;

function requireTypeOverrides () {
	if (hasRequiredTypeOverrides) return typeOverrides;
	hasRequiredTypeOverrides = 1;

	const types = requirePgTypes();

	function TypeOverrides(userTypes) {
	  this._types = userTypes || types;
	  this.text = {};
	  this.binary = {};
	}

	TypeOverrides.prototype.getOverrides = function (format) {
	  switch (format) {
	    case 'text':
	      return this.text
	    case 'binary':
	      return this.binary
	    default:
	      return {}
	  }
	};

	TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
	  if (typeof format === 'function') {
	    parseFn = format;
	    format = 'text';
	  }
	  this.getOverrides(format)[oid] = parseFn;
	};

	TypeOverrides.prototype.getTypeParser = function (oid, format) {
	  format = format || 'text';
	  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
	};

	typeOverrides = TypeOverrides;
	return typeOverrides;
}

var pgConnectionString;
var hasRequiredPgConnectionString;

function requirePgConnectionString () {
	if (hasRequiredPgConnectionString) return pgConnectionString;
	hasRequiredPgConnectionString = 1;

	//Parse method copied from https://github.com/brianc/node-postgres
	//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
	//MIT License

	//parses a connection string
	function parse(str, options = {}) {
	  //unix socket
	  if (str.charAt(0) === '/') {
	    const config = str.split(' ');
	    return { host: config[0], database: config[1] }
	  }

	  // Check for empty host in URL

	  const config = Object.create(null);
	  let result;
	  let dummyHost = false;
	  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
	    // Ensure spaces are encoded as %20
	    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1');
	  }

	  try {
	    try {
	      result = new URL(str, 'postgres://base');
	    } catch (e) {
	      // The URL is invalid so try again with a dummy host
	      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base');
	      dummyHost = true;
	    }
	  } catch (err) {
	    // Remove the input from the error message to avoid leaking sensitive information
	    err.input && (err.input = '*****REDACTED*****');
	    throw err
	  }

	  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
	  for (const entry of result.searchParams.entries()) {
	    config[entry[0]] = entry[1];
	  }

	  config.user = config.user || decodeURIComponent(result.username);
	  config.password = config.password || decodeURIComponent(result.password);

	  if (result.protocol == 'socket:') {
	    config.host = decodeURI(result.pathname);
	    config.database = result.searchParams.get('db');
	    config.client_encoding = result.searchParams.get('encoding');
	    return config
	  }
	  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1');
	  if (!config.host) {
	    // Only set the host if there is no equivalent query param.
	    config.host = decodeURIComponent(hostname);
	  } else if (hostname && /^%2f/i.test(hostname)) {
	    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
	    result.pathname = hostname + result.pathname;
	  }
	  if (!config.port) {
	    // Only set the port if there is no equivalent query param.
	    config.port = result.port;
	  }

	  const pathname = result.pathname.slice(1) || null;
	  config.database = pathname ? decodeURI(pathname) : null;

	  if (config.ssl === 'true' || config.ssl === '1') {
	    config.ssl = true;
	  }

	  if (config.ssl === '0') {
	    config.ssl = false;
	  }

	  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
	    config.ssl = {};
	  }

	  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
	  // so enable SSL if the connection string did not otherwise configure it.
	  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
	    config.ssl = true;
	  }

	  // Only try to load fs if we expect to read from the disk
	  const fs = config.sslcert || config.sslkey || config.sslrootcert ? require('fs') : null;

	  if (config.sslcert) {
	    config.ssl.cert = fs.readFileSync(config.sslcert).toString();
	  }

	  if (config.sslkey) {
	    config.ssl.key = fs.readFileSync(config.sslkey).toString();
	  }

	  if (config.sslrootcert) {
	    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString();
	  }

	  if (options.useLibpqCompat && config.uselibpqcompat) {
	    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
	  }

	  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
	    switch (config.sslmode) {
	      case 'disable': {
	        config.ssl = false;
	        break
	      }
	      case 'prefer': {
	        config.ssl.rejectUnauthorized = false;
	        break
	      }
	      case 'require': {
	        if (config.sslrootcert) {
	          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
	          config.ssl.checkServerIdentity = function () {};
	        } else {
	          config.ssl.rejectUnauthorized = false;
	        }
	        break
	      }
	      case 'verify-ca': {
	        if (!config.ssl.ca) {
	          throw new Error(
	            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
	          )
	        }
	        config.ssl.checkServerIdentity = function () {};
	        break
	      }
	    }
	  } else {
	    switch (config.sslmode) {
	      case 'disable': {
	        config.ssl = false;
	        break
	      }
	      case 'prefer':
	      case 'require':
	      case 'verify-ca':
	      case 'verify-full': {
	        if (config.sslmode !== 'verify-full') {
	          deprecatedSslModeWarning(config.sslmode);
	        }
	        break
	      }
	      case 'no-verify': {
	        config.ssl.rejectUnauthorized = false;
	        break
	      }
	    }
	  }

	  return config
	}

	// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
	function toConnectionOptions(sslConfig) {
	  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
	    // we explicitly check for undefined and null instead of `if (value)` because some
	    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
	    if (value !== undefined && value !== null) {
	      c[key] = value;
	    }

	    return c
	  }, Object.create(null));

	  return connectionOptions
	}

	// convert pg-connection-string config to a ClientConfig
	function toClientConfig(config) {
	  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
	    if (key === 'ssl') {
	      const sslConfig = value;

	      if (typeof sslConfig === 'boolean') {
	        c[key] = sslConfig;
	      }

	      if (typeof sslConfig === 'object') {
	        c[key] = toConnectionOptions(sslConfig);
	      }
	    } else if (value !== undefined && value !== null) {
	      if (key === 'port') {
	        // when port is not specified, it is converted into an empty string
	        // we want to avoid NaN or empty string as a values in ClientConfig
	        if (value !== '') {
	          const v = parseInt(value, 10);
	          if (isNaN(v)) {
	            throw new Error(`Invalid ${key}: ${value}`)
	          }

	          c[key] = v;
	        }
	      } else {
	        c[key] = value;
	      }
	    }

	    return c
	  }, Object.create(null));

	  return poolConfig
	}

	// parses a connection string into ClientConfig
	function parseIntoClientConfig(str) {
	  return toClientConfig(parse(str))
	}

	function deprecatedSslModeWarning(sslmode) {
	  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
	    deprecatedSslModeWarning.warned = true;
	    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`);
	  }
	}

	pgConnectionString = parse;

	parse.parse = parse;
	parse.toClientConfig = toClientConfig;
	parse.parseIntoClientConfig = parseIntoClientConfig;
	return pgConnectionString;
}

var connectionParameters;
var hasRequiredConnectionParameters;

function requireConnectionParameters () {
	if (hasRequiredConnectionParameters) return connectionParameters;
	hasRequiredConnectionParameters = 1;

	const dns = require('dns');

	const defaults = requireDefaults();

	const parse = requirePgConnectionString().parse; // parses a connection string

	const val = function (key, config, envVar) {
	  if (config[key]) {
	    return config[key]
	  }

	  if (envVar === undefined) {
	    envVar = process.env['PG' + key.toUpperCase()];
	  } else if (envVar === false) ; else {
	    envVar = process.env[envVar];
	  }

	  return envVar || defaults[key]
	};

	const readSSLConfigFromEnvironment = function () {
	  switch (process.env.PGSSLMODE) {
	    case 'disable':
	      return false
	    case 'prefer':
	    case 'require':
	    case 'verify-ca':
	    case 'verify-full':
	      return true
	    case 'no-verify':
	      return { rejectUnauthorized: false }
	  }
	  return defaults.ssl
	};

	// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
	const quoteParamValue = function (value) {
	  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
	};

	const add = function (params, config, paramName) {
	  const value = config[paramName];
	  if (value !== undefined && value !== null) {
	    params.push(paramName + '=' + quoteParamValue(value));
	  }
	};

	class ConnectionParameters {
	  constructor(config) {
	    // if a string is passed, it is a raw connection string so we parse it into a config
	    config = typeof config === 'string' ? parse(config) : config || {};

	    // if the config has a connectionString defined, parse IT into the config we use
	    // this will override other default values with what is stored in connectionString
	    if (config.connectionString) {
	      config = Object.assign({}, config, parse(config.connectionString));
	    }

	    this.user = val('user', config);
	    this.database = val('database', config);

	    if (this.database === undefined) {
	      this.database = this.user;
	    }

	    this.port = parseInt(val('port', config), 10);
	    this.host = val('host', config);

	    // "hiding" the password so it doesn't show up in stack traces
	    // or if the client is console.logged
	    Object.defineProperty(this, 'password', {
	      configurable: true,
	      enumerable: false,
	      writable: true,
	      value: val('password', config),
	    });

	    this.binary = val('binary', config);
	    this.options = val('options', config);

	    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl;

	    if (typeof this.ssl === 'string') {
	      if (this.ssl === 'true') {
	        this.ssl = true;
	      }
	    }
	    // support passing in ssl=no-verify via connection string
	    if (this.ssl === 'no-verify') {
	      this.ssl = { rejectUnauthorized: false };
	    }
	    if (this.ssl && this.ssl.key) {
	      Object.defineProperty(this.ssl, 'key', {
	        enumerable: false,
	      });
	    }

	    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
	    // handshake) or 'direct' (start the TLS handshake immediately on connect).
	    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION');
	    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
	      throw new Error(
	        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
	      )
	    }
	    if (this.sslnegotiation === 'direct' && !this.ssl) {
	      throw new Error('sslnegotiation=direct requires SSL to be enabled')
	    }

	    this.client_encoding = val('client_encoding', config);
	    this.replication = val('replication', config);
	    // a domain socket begins with '/'
	    this.isDomainSocket = !(this.host || '').indexOf('/');

	    this.application_name = val('application_name', config, 'PGAPPNAME');
	    this.fallback_application_name = val('fallback_application_name', config, false);
	    this.statement_timeout = val('statement_timeout', config, false);
	    this.lock_timeout = val('lock_timeout', config, false);
	    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false);
	    this.query_timeout = val('query_timeout', config, false);

	    if (config.connectionTimeoutMillis === undefined) {
	      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0;
	    } else {
	      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000);
	    }

	    if (config.keepAlive === false) {
	      this.keepalives = 0;
	    } else if (config.keepAlive === true) {
	      this.keepalives = 1;
	    }

	    if (typeof config.keepAliveInitialDelayMillis === 'number') {
	      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000);
	    }
	  }

	  getLibpqConnectionString(cb) {
	    const params = [];
	    add(params, this, 'user');
	    add(params, this, 'password');
	    add(params, this, 'port');
	    add(params, this, 'application_name');
	    add(params, this, 'fallback_application_name');
	    add(params, this, 'connect_timeout');
	    add(params, this, 'options');

	    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {};
	    add(params, ssl, 'sslmode');
	    add(params, ssl, 'sslca');
	    add(params, ssl, 'sslkey');
	    add(params, ssl, 'sslcert');
	    add(params, ssl, 'sslrootcert');
	    add(params, this, 'sslnegotiation');

	    if (this.database) {
	      params.push('dbname=' + quoteParamValue(this.database));
	    }
	    if (this.replication) {
	      params.push('replication=' + quoteParamValue(this.replication));
	    }
	    if (this.host) {
	      params.push('host=' + quoteParamValue(this.host));
	    }
	    if (this.isDomainSocket) {
	      return cb(null, params.join(' '))
	    }
	    if (this.client_encoding) {
	      params.push('client_encoding=' + quoteParamValue(this.client_encoding));
	    }
	    dns.lookup(this.host, function (err, address) {
	      if (err) return cb(err, null)
	      params.push('hostaddr=' + quoteParamValue(address));
	      return cb(null, params.join(' '))
	    });
	  }
	}

	connectionParameters = ConnectionParameters;
	return connectionParameters;
}

var result;
var hasRequiredResult;

function requireResult () {
	if (hasRequiredResult) return result;
	hasRequiredResult = 1;

	const types = requirePgTypes();

	const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;

	// result object returned from query
	// in the 'end' event and also
	// passed as second argument to provided callback
	class Result {
	  constructor(rowMode, types) {
	    this.command = null;
	    this.rowCount = null;
	    this.oid = null;
	    this.rows = [];
	    this.fields = [];
	    this._parsers = undefined;
	    this._types = types;
	    this.RowCtor = null;
	    this.rowAsArray = rowMode === 'array';
	    if (this.rowAsArray) {
	      this.parseRow = this._parseRowAsArray;
	    }
	    this._prebuiltEmptyResultObject = null;
	  }

	  // adds a command complete message
	  addCommandComplete(msg) {
	    let match;
	    if (msg.text) {
	      // pure javascript
	      match = matchRegexp.exec(msg.text);
	    } else {
	      // native bindings
	      match = matchRegexp.exec(msg.command);
	    }
	    if (match) {
	      this.command = match[1];
	      if (match[3]) {
	        // COMMAND OID ROWS
	        this.oid = parseInt(match[2], 10);
	        this.rowCount = parseInt(match[3], 10);
	      } else if (match[2]) {
	        // COMMAND ROWS
	        this.rowCount = parseInt(match[2], 10);
	      }
	    }
	  }

	  _parseRowAsArray(rowData) {
	    const row = new Array(rowData.length);
	    for (let i = 0, len = rowData.length; i < len; i++) {
	      const rawValue = rowData[i];
	      if (rawValue !== null) {
	        row[i] = this._parsers[i](rawValue);
	      } else {
	        row[i] = null;
	      }
	    }
	    return row
	  }

	  parseRow(rowData) {
	    const row = { ...this._prebuiltEmptyResultObject };
	    for (let i = 0, len = rowData.length; i < len; i++) {
	      const rawValue = rowData[i];
	      const field = this.fields[i].name;
	      if (rawValue !== null) {
	        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue;
	        row[field] = this._parsers[i](v);
	      } else {
	        row[field] = null;
	      }
	    }
	    return row
	  }

	  addRow(row) {
	    this.rows.push(row);
	  }

	  addFields(fieldDescriptions) {
	    // clears field definitions
	    // multiple query statements in 1 action can result in multiple sets
	    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
	    // you need to reset the fields
	    this.fields = fieldDescriptions;
	    if (this.fields.length) {
	      this._parsers = new Array(fieldDescriptions.length);
	    }

	    const row = Object.create(null);

	    for (let i = 0; i < fieldDescriptions.length; i++) {
	      const desc = fieldDescriptions[i];
	      row[desc.name] = null;

	      if (this._types) {
	        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text');
	      } else {
	        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text');
	      }
	    }

	    this._prebuiltEmptyResultObject = { ...row };
	  }
	}

	result = Result;
	return result;
}

var query$1;
var hasRequiredQuery$1;

function requireQuery$1 () {
	if (hasRequiredQuery$1) return query$1;
	hasRequiredQuery$1 = 1;

	const { EventEmitter } = require('events');

	const Result = requireResult();
	const utils = requireUtils$1();

	class Query extends EventEmitter {
	  constructor(config, values, callback) {
	    super();

	    config = utils.normalizeQueryConfig(config, values, callback);

	    this.text = config.text;
	    this.values = config.values;
	    this.rows = config.rows;
	    this.types = config.types;
	    this.name = config.name;
	    this.queryMode = config.queryMode;
	    this.binary = config.binary;
	    // use unique portal name each time
	    this.portal = config.portal || '';
	    this.callback = config.callback;
	    this._rowMode = config.rowMode;
	    if (process.domain && config.callback) {
	      this.callback = process.domain.bind(config.callback);
	    }
	    this._result = new Result(this._rowMode, this.types);

	    // potential for multiple results
	    this._results = this._result;
	    this._canceledDueToError = false;
	  }

	  requiresPreparation() {
	    if (this.queryMode === 'extended') {
	      return true
	    }

	    // named queries must always be prepared
	    if (this.name) {
	      return true
	    }
	    // always prepare if there are max number of rows expected per
	    // portal execution
	    if (this.rows) {
	      return true
	    }
	    // don't prepare empty text queries
	    if (!this.text) {
	      return false
	    }
	    // prepare if there are values
	    if (!this.values) {
	      return false
	    }
	    return this.values.length > 0
	  }

	  _checkForMultirow() {
	    // if we already have a result with a command property
	    // then we've already executed one query in a multi-statement simple query
	    // turn our results into an array of results
	    if (this._result.command) {
	      if (!Array.isArray(this._results)) {
	        this._results = [this._result];
	      }
	      this._result = new Result(this._rowMode, this._result._types);
	      this._results.push(this._result);
	    }
	  }

	  // associates row metadata from the supplied
	  // message with this query object
	  // metadata used when parsing row results
	  handleRowDescription(msg) {
	    this._checkForMultirow();
	    this._result.addFields(msg.fields);
	    this._accumulateRows = this.callback || !this.listeners('row').length;
	  }

	  handleDataRow(msg) {
	    let row;

	    if (this._canceledDueToError) {
	      return
	    }

	    try {
	      row = this._result.parseRow(msg.fields);
	    } catch (err) {
	      this._canceledDueToError = err;
	      return
	    }

	    this.emit('row', row, this._result);
	    if (this._accumulateRows) {
	      this._result.addRow(row);
	    }
	  }

	  handleCommandComplete(msg, connection) {
	    this._checkForMultirow();
	    this._result.addCommandComplete(msg);
	    // need to sync after each command complete of a prepared statement
	    // if we were using a row count which results in multiple calls to _getRows
	    if (this.rows) {
	      connection.sync();
	    }
	  }

	  // if a named prepared statement is created with empty query text
	  // the backend will send an emptyQuery message but *not* a command complete message
	  // since we pipeline sync immediately after execute we don't need to do anything here
	  // unless we have rows specified, in which case we did not pipeline the initial sync call
	  handleEmptyQuery(connection) {
	    if (this.rows) {
	      connection.sync();
	    }
	  }

	  handleError(err, connection) {
	    // need to sync after error during a prepared statement
	    if (this._canceledDueToError) {
	      err = this._canceledDueToError;
	      this._canceledDueToError = false;
	    }
	    // if callback supplied do not emit error event as uncaught error
	    // events will bubble up to node process
	    if (this.callback) {
	      return this.callback(err)
	    }
	    this.emit('error', err);
	  }

	  handleReadyForQuery(con) {
	    if (this._canceledDueToError) {
	      return this.handleError(this._canceledDueToError, con)
	    }
	    if (this.callback) {
	      try {
	        this.callback(null, this._results);
	      } catch (err) {
	        process.nextTick(() => {
	          throw err
	        });
	      }
	    }
	    this.emit('end', this._results);
	  }

	  submit(connection) {
	    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
	      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
	    }
	    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name];
	    if (this.text && previous && this.text !== previous) {
	      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
	    }
	    if (this.values && !Array.isArray(this.values)) {
	      return new Error('Query values must be an array')
	    }
	    if (this.requiresPreparation()) {
	      // If we're using the extended query protocol we fire off several separate commands
	      // to the backend. On some versions of node & some operating system versions
	      // the network stack writes each message separately instead of buffering them together
	      // causing the client & network to send more slowly. Corking & uncorking the stream
	      // allows node to buffer up the messages internally before sending them all off at once.
	      // note: we're checking for existence of cork/uncork because some versions of streams
	      // might not have this (cloudflare?)
	      connection.stream.cork && connection.stream.cork();
	      try {
	        this.prepare(connection);
	      } finally {
	        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
	        // this client becomes unresponsive, so put in finally block "just in case"
	        connection.stream.uncork && connection.stream.uncork();
	      }
	    } else {
	      connection.query(this.text);
	    }
	    return null
	  }

	  hasBeenParsed(connection) {
	    return (
	      this.name &&
	      (connection.parsedStatements[this.name] !== undefined ||
	        connection.submittedNamedStatements[this.name] !== undefined)
	    )
	  }

	  handlePortalSuspended(connection) {
	    this._getRows(connection, this.rows);
	  }

	  _getRows(connection, rows) {
	    connection.execute({
	      portal: this.portal,
	      rows: rows,
	    });
	    // if we're not reading pages of rows send the sync command
	    // to indicate the pipeline is finished
	    if (!rows) {
	      connection.sync();
	    } else {
	      // otherwise flush the call out to read more rows
	      connection.flush();
	    }
	  }

	  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
	  prepare(connection) {
	    // TODO refactor this poor encapsulation
	    if (!this.hasBeenParsed(connection)) {
	      connection.parse({
	        text: this.text,
	        name: this.name,
	        types: this.types,
	      });
	      if (this.name) {
	        connection.submittedNamedStatements[this.name] = this.text;
	      }
	    }

	    // because we're mapping user supplied values to
	    // postgres wire protocol compatible values it could
	    // throw an exception, so try/catch this section
	    try {
	      connection.bind({
	        portal: this.portal,
	        statement: this.name,
	        values: this.values,
	        binary: this.binary,
	        valueMapper: utils.prepareValue,
	      });
	    } catch (err) {
	      // we should close parse to avoid leaking connections
	      connection.close({ type: 'S', name: this.name });
	      connection.sync();

	      this.handleError(err, connection);
	      return
	    }

	    connection.describe({
	      type: 'P',
	      name: this.portal || '',
	    });

	    this._getRows(connection, this.rows);
	  }

	  handleCopyInResponse(connection) {
	    connection.sendCopyFail('No source stream defined');
	  }

	  handleCopyData(msg, connection) {
	    // noop
	  }
	}

	query$1 = Query;
	return query$1;
}

var dist = {};

var messages = {};

var hasRequiredMessages;

function requireMessages () {
	if (hasRequiredMessages) return messages;
	hasRequiredMessages = 1;
	Object.defineProperty(messages, "__esModule", { value: true });
	messages.NoticeMessage = messages.DataRowMessage = messages.CommandCompleteMessage = messages.ReadyForQueryMessage = messages.NotificationResponseMessage = messages.BackendKeyDataMessage = messages.AuthenticationMD5Password = messages.ParameterStatusMessage = messages.ParameterDescriptionMessage = messages.RowDescriptionMessage = messages.Field = messages.CopyResponse = messages.CopyDataMessage = messages.DatabaseError = messages.copyDone = messages.emptyQuery = messages.replicationStart = messages.portalSuspended = messages.noData = messages.closeComplete = messages.bindComplete = messages.parseComplete = void 0;
	messages.parseComplete = {
	    name: 'parseComplete',
	    length: 5,
	};
	messages.bindComplete = {
	    name: 'bindComplete',
	    length: 5,
	};
	messages.closeComplete = {
	    name: 'closeComplete',
	    length: 5,
	};
	messages.noData = {
	    name: 'noData',
	    length: 5,
	};
	messages.portalSuspended = {
	    name: 'portalSuspended',
	    length: 5,
	};
	messages.replicationStart = {
	    name: 'replicationStart',
	    length: 4,
	};
	messages.emptyQuery = {
	    name: 'emptyQuery',
	    length: 4,
	};
	messages.copyDone = {
	    name: 'copyDone',
	    length: 4,
	};
	class DatabaseError extends Error {
	    constructor(message, length, name) {
	        super(message);
	        this.length = length;
	        this.name = name;
	    }
	}
	messages.DatabaseError = DatabaseError;
	class CopyDataMessage {
	    constructor(length, chunk) {
	        this.length = length;
	        this.chunk = chunk;
	        this.name = 'copyData';
	    }
	}
	messages.CopyDataMessage = CopyDataMessage;
	class CopyResponse {
	    constructor(length, name, binary, columnCount) {
	        this.length = length;
	        this.name = name;
	        this.binary = binary;
	        this.columnTypes = new Array(columnCount);
	    }
	}
	messages.CopyResponse = CopyResponse;
	class Field {
	    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
	        this.name = name;
	        this.tableID = tableID;
	        this.columnID = columnID;
	        this.dataTypeID = dataTypeID;
	        this.dataTypeSize = dataTypeSize;
	        this.dataTypeModifier = dataTypeModifier;
	        this.format = format;
	    }
	}
	messages.Field = Field;
	class RowDescriptionMessage {
	    constructor(length, fieldCount) {
	        this.length = length;
	        this.fieldCount = fieldCount;
	        this.name = 'rowDescription';
	        this.fields = new Array(this.fieldCount);
	    }
	}
	messages.RowDescriptionMessage = RowDescriptionMessage;
	class ParameterDescriptionMessage {
	    constructor(length, parameterCount) {
	        this.length = length;
	        this.parameterCount = parameterCount;
	        this.name = 'parameterDescription';
	        this.dataTypeIDs = new Array(this.parameterCount);
	    }
	}
	messages.ParameterDescriptionMessage = ParameterDescriptionMessage;
	class ParameterStatusMessage {
	    constructor(length, parameterName, parameterValue) {
	        this.length = length;
	        this.parameterName = parameterName;
	        this.parameterValue = parameterValue;
	        this.name = 'parameterStatus';
	    }
	}
	messages.ParameterStatusMessage = ParameterStatusMessage;
	class AuthenticationMD5Password {
	    constructor(length, salt) {
	        this.length = length;
	        this.salt = salt;
	        this.name = 'authenticationMD5Password';
	    }
	}
	messages.AuthenticationMD5Password = AuthenticationMD5Password;
	class BackendKeyDataMessage {
	    constructor(length, processID, secretKey) {
	        this.length = length;
	        this.processID = processID;
	        this.secretKey = secretKey;
	        this.name = 'backendKeyData';
	    }
	}
	messages.BackendKeyDataMessage = BackendKeyDataMessage;
	class NotificationResponseMessage {
	    constructor(length, processId, channel, payload) {
	        this.length = length;
	        this.processId = processId;
	        this.channel = channel;
	        this.payload = payload;
	        this.name = 'notification';
	    }
	}
	messages.NotificationResponseMessage = NotificationResponseMessage;
	class ReadyForQueryMessage {
	    constructor(length, status) {
	        this.length = length;
	        this.status = status;
	        this.name = 'readyForQuery';
	    }
	}
	messages.ReadyForQueryMessage = ReadyForQueryMessage;
	class CommandCompleteMessage {
	    constructor(length, text) {
	        this.length = length;
	        this.text = text;
	        this.name = 'commandComplete';
	    }
	}
	messages.CommandCompleteMessage = CommandCompleteMessage;
	class DataRowMessage {
	    constructor(length, fields) {
	        this.length = length;
	        this.fields = fields;
	        this.name = 'dataRow';
	        this.fieldCount = fields.length;
	    }
	}
	messages.DataRowMessage = DataRowMessage;
	class NoticeMessage {
	    constructor(length, message) {
	        this.length = length;
	        this.message = message;
	        this.name = 'notice';
	    }
	}
	messages.NoticeMessage = NoticeMessage;
	
	return messages;
}

var serializer = {};

var bufferWriter = {};

var hasRequiredBufferWriter;

function requireBufferWriter () {
	if (hasRequiredBufferWriter) return bufferWriter;
	hasRequiredBufferWriter = 1;
	//binary data writer tuned for encoding binary specific to the postgres binary protocol
	Object.defineProperty(bufferWriter, "__esModule", { value: true });
	bufferWriter.Writer = void 0;
	class Writer {
	    constructor(size = 256) {
	        this.size = size;
	        this.offset = 5;
	        this.headerPosition = 0;
	        this.buffer = Buffer.allocUnsafe(size);
	    }
	    ensure(size) {
	        const remaining = this.buffer.length - this.offset;
	        if (remaining < size) {
	            const oldBuffer = this.buffer;
	            // exponential growth factor of around ~ 1.5
	            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
	            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
	            this.buffer = Buffer.allocUnsafe(newSize);
	            oldBuffer.copy(this.buffer, 0, 0, this.offset);
	        }
	    }
	    addInt32(num) {
	        this.ensure(4);
	        this.buffer[this.offset++] = (num >>> 24) & 0xff;
	        this.buffer[this.offset++] = (num >>> 16) & 0xff;
	        this.buffer[this.offset++] = (num >>> 8) & 0xff;
	        this.buffer[this.offset++] = (num >>> 0) & 0xff;
	        return this;
	    }
	    addInt16(num) {
	        this.ensure(2);
	        this.buffer[this.offset++] = (num >>> 8) & 0xff;
	        this.buffer[this.offset++] = (num >>> 0) & 0xff;
	        return this;
	    }
	    addCString(string) {
	        if (!string) {
	            this.ensure(1);
	        }
	        else {
	            const len = Buffer.byteLength(string);
	            this.ensure(len + 1); // +1 for null terminator
	            this.buffer.write(string, this.offset, 'utf-8');
	            this.offset += len;
	        }
	        this.buffer[this.offset++] = 0; // null terminator
	        return this;
	    }
	    addString(string = '') {
	        const len = Buffer.byteLength(string);
	        this.ensure(len);
	        this.buffer.write(string, this.offset);
	        this.offset += len;
	        return this;
	    }
	    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
	    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
	    // and doing it in one method computes Buffer.byteLength ONCE — the previous
	    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
	    // three times (byteLength for the prefix, byteLength again inside addString,
	    // then the encode), which is costly for large text parameters.
	    addInt32PrefixedString(string) {
	        const len = Buffer.byteLength(string);
	        this.ensure(4 + len);
	        const buffer = this.buffer;
	        let offset = this.offset;
	        buffer[offset++] = (len >>> 24) & 0xff;
	        buffer[offset++] = (len >>> 16) & 0xff;
	        buffer[offset++] = (len >>> 8) & 0xff;
	        buffer[offset++] = (len >>> 0) & 0xff;
	        buffer.write(string, offset, 'utf-8');
	        this.offset = offset + len;
	        return this;
	    }
	    add(otherBuffer) {
	        this.ensure(otherBuffer.length);
	        otherBuffer.copy(this.buffer, this.offset);
	        this.offset += otherBuffer.length;
	        return this;
	    }
	    /**
	     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
	     */
	    reserveUnsafe(size) {
	        const offset = this.offset;
	        this.ensure(size);
	        this.offset += size;
	        return offset;
	    }
	    join(code) {
	        if (code) {
	            this.buffer[this.headerPosition] = code;
	            //length is everything in this packet minus the code
	            const length = this.offset - (this.headerPosition + 1);
	            this.buffer.writeInt32BE(length, this.headerPosition + 1);
	        }
	        return this.buffer.slice(code ? 0 : 5, this.offset);
	    }
	    flush(code) {
	        const result = this.join(code);
	        this.offset = 5;
	        this.headerPosition = 0;
	        this.buffer = Buffer.allocUnsafe(this.size);
	        return result;
	    }
	    clear() {
	        this.offset = 5;
	        this.headerPosition = 0;
	    }
	}
	bufferWriter.Writer = Writer;
	
	return bufferWriter;
}

var hasRequiredSerializer;

function requireSerializer () {
	if (hasRequiredSerializer) return serializer;
	hasRequiredSerializer = 1;
	Object.defineProperty(serializer, "__esModule", { value: true });
	serializer.serialize = void 0;
	const buffer_writer_1 = requireBufferWriter();
	const writer = new buffer_writer_1.Writer();
	const startup = (opts) => {
	    // protocol version
	    writer.addInt16(3).addInt16(0);
	    for (const key of Object.keys(opts)) {
	        writer.addCString(key).addCString(opts[key]);
	    }
	    writer.addCString('client_encoding').addCString('UTF8');
	    const bodyBuffer = writer.addCString('').flush();
	    // this message is sent without a code
	    const length = bodyBuffer.length + 4;
	    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
	};
	const requestSsl = () => {
	    const response = Buffer.allocUnsafe(8);
	    response.writeInt32BE(8, 0);
	    response.writeInt32BE(80877103, 4);
	    return response;
	};
	const password = (password) => {
	    return writer.addCString(password).flush(112 /* code.startup */);
	};
	const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
	    // 0x70 = 'p'
	    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
	    return writer.flush(112 /* code.startup */);
	};
	const sendSCRAMClientFinalMessage = function (additionalData) {
	    return writer.addString(additionalData).flush(112 /* code.startup */);
	};
	const query = (text) => {
	    return writer.addCString(text).flush(81 /* code.query */);
	};
	const emptyArray = [];
	const parse = (query) => {
	    // expect something like this:
	    // { name: 'queryName',
	    //   text: 'select * from blah',
	    //   types: ['int8', 'bool'] }
	    // normalize missing query names to allow for null
	    const name = query.name || '';
	    if (name.length > 63) {
	        console.error('Warning! Postgres only supports 63 characters for query names.');
	        console.error('You supplied %s (%s)', name, name.length);
	        console.error('This can cause conflicts and silent errors executing queries');
	    }
	    const types = query.types || emptyArray;
	    const len = types.length;
	    const buffer = writer
	        .addCString(name) // name of query
	        .addCString(query.text) // actual query text
	        .addInt16(len);
	    for (let i = 0; i < len; i++) {
	        buffer.addInt32(types[i]);
	    }
	    return writer.flush(80 /* code.parse */);
	};
	const writeValues = function (values, valueMapper, formatsOffset) {
	    const len = values.length;
	    for (let i = 0; i < len; i++) {
	        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
	        let formatByte = 0 /* ParamType.STRING */;
	        if (mappedVal == null) {
	            // write -1 to indicate null
	            writer.addInt32(-1);
	        }
	        else if (mappedVal instanceof Buffer) {
	            formatByte = 1 /* ParamType.BINARY */;
	            // add the buffer to the param writer
	            writer.addInt32(mappedVal.length);
	            writer.add(mappedVal);
	        }
	        else {
	            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
	            writer.addInt32PrefixedString(mappedVal);
	        }
	        // beware: `writer` operations can replace `writer.buffer` with a new buffer
	        const buf = writer.buffer;
	        buf[formatsOffset++] = 0;
	        buf[formatsOffset++] = formatByte;
	    }
	};
	const bind = (config = {}) => {
	    // normalize config
	    const portal = config.portal || '';
	    const statement = config.statement || '';
	    const binary = config.binary || false;
	    const values = config.values || emptyArray;
	    const len = values.length;
	    writer.addCString(portal).addCString(statement);
	    // number of parameter format codes
	    writer.addInt16(len);
	    // space for those codes, filled by `writeValues`
	    const formatsOffset = writer.reserveUnsafe(len * 2);
	    // number of parameter values
	    writer.addInt16(len);
	    try {
	        writeValues(values, config.valueMapper, formatsOffset);
	    }
	    catch (err) {
	        writer.clear();
	        throw err;
	    }
	    // all results use the same format code
	    writer.addInt16(1);
	    // format code
	    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
	    return writer.flush(66 /* code.bind */);
	};
	const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
	const execute = (config) => {
	    // this is the happy path for most queries
	    if (!config || (!config.portal && !config.rows)) {
	        return emptyExecute;
	    }
	    const portal = config.portal || '';
	    const rows = config.rows || 0;
	    const portalLength = Buffer.byteLength(portal);
	    const len = 4 + portalLength + 1 + 4;
	    // one extra bit for code
	    const buff = Buffer.allocUnsafe(1 + len);
	    buff[0] = 69 /* code.execute */;
	    buff.writeInt32BE(len, 1);
	    buff.write(portal, 5, 'utf-8');
	    buff[portalLength + 5] = 0; // null terminate portal cString
	    buff.writeUInt32BE(rows, buff.length - 4);
	    return buff;
	};
	const cancel = (processID, secretKey) => {
	    const buffer = Buffer.allocUnsafe(16);
	    buffer.writeInt32BE(16, 0);
	    buffer.writeInt16BE(1234, 4);
	    buffer.writeInt16BE(5678, 6);
	    buffer.writeInt32BE(processID, 8);
	    buffer.writeInt32BE(secretKey, 12);
	    return buffer;
	};
	const cstringMessage = (code, string) => {
	    const stringLen = Buffer.byteLength(string);
	    const len = 4 + stringLen + 1;
	    // one extra bit for code
	    const buffer = Buffer.allocUnsafe(1 + len);
	    buffer[0] = code;
	    buffer.writeInt32BE(len, 1);
	    buffer.write(string, 5, 'utf-8');
	    buffer[len] = 0; // null terminate cString
	    return buffer;
	};
	const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
	const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
	const describe = (msg) => {
	    return msg.name
	        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
	        : msg.type === 'P'
	            ? emptyDescribePortal
	            : emptyDescribeStatement;
	};
	const close = (msg) => {
	    const text = `${msg.type}${msg.name || ''}`;
	    return cstringMessage(67 /* code.close */, text);
	};
	const copyData = (chunk) => {
	    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
	};
	const copyFail = (message) => {
	    return cstringMessage(102 /* code.copyFail */, message);
	};
	const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
	const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
	const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
	const endBuffer = codeOnlyBuffer(88 /* code.end */);
	const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
	const serialize = {
	    startup,
	    password,
	    requestSsl,
	    sendSASLInitialResponseMessage,
	    sendSCRAMClientFinalMessage,
	    query,
	    parse,
	    bind,
	    execute,
	    describe,
	    close,
	    flush: () => flushBuffer,
	    sync: () => syncBuffer,
	    end: () => endBuffer,
	    copyData,
	    copyDone: () => copyDoneBuffer,
	    copyFail,
	    cancel,
	};
	serializer.serialize = serialize;
	
	return serializer;
}

var parser = {};

var bufferReader = {};

var hasRequiredBufferReader;

function requireBufferReader () {
	if (hasRequiredBufferReader) return bufferReader;
	hasRequiredBufferReader = 1;
	Object.defineProperty(bufferReader, "__esModule", { value: true });
	bufferReader.BufferReader = void 0;
	class BufferReader {
	    constructor(offset = 0) {
	        this.offset = offset;
	        this.buffer = Buffer.allocUnsafe(0);
	        // TODO(bmc): support non-utf8 encoding?
	        this.encoding = 'utf-8';
	    }
	    setBuffer(offset, buffer) {
	        this.offset = offset;
	        this.buffer = buffer;
	    }
	    int16() {
	        const result = this.buffer.readInt16BE(this.offset);
	        this.offset += 2;
	        return result;
	    }
	    byte() {
	        const result = this.buffer[this.offset];
	        this.offset++;
	        return result;
	    }
	    int32() {
	        const result = this.buffer.readInt32BE(this.offset);
	        this.offset += 4;
	        return result;
	    }
	    uint32() {
	        const result = this.buffer.readUInt32BE(this.offset);
	        this.offset += 4;
	        return result;
	    }
	    string(length) {
	        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
	        this.offset += length;
	        return result;
	    }
	    cstring() {
	        const start = this.offset;
	        let end = start;
	        // eslint-disable-next-line no-empty
	        while (this.buffer[end++]) { }
	        this.offset = end;
	        return this.buffer.toString(this.encoding, start, end - 1);
	    }
	    bytes(length) {
	        const result = this.buffer.slice(this.offset, this.offset + length);
	        this.offset += length;
	        return result;
	    }
	}
	bufferReader.BufferReader = BufferReader;
	
	return bufferReader;
}

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;
	Object.defineProperty(parser, "__esModule", { value: true });
	parser.Parser = void 0;
	const messages_1 = requireMessages();
	const buffer_reader_1 = requireBufferReader();
	// every message is prefixed with a single byte
	const CODE_LENGTH = 1;
	// every message has an int32 length which includes itself but does
	// NOT include the code in the length
	const LEN_LENGTH = 4;
	const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
	// A placeholder for a `BackendMessage`’s length value that will be set after construction.
	const LATEINIT_LENGTH = -1;
	const emptyBuffer = Buffer.allocUnsafe(0);
	class Parser {
	    constructor(opts) {
	        this.buffer = emptyBuffer;
	        this.bufferLength = 0;
	        this.bufferOffset = 0;
	        this.reader = new buffer_reader_1.BufferReader();
	        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
	            throw new Error('Binary mode not supported yet');
	        }
	        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
	    }
	    parse(buffer, callback) {
	        this.mergeBuffer(buffer);
	        const bufferFullLength = this.bufferOffset + this.bufferLength;
	        let offset = this.bufferOffset;
	        while (offset + HEADER_LENGTH <= bufferFullLength) {
	            // code is 1 byte long - it identifies the message type
	            const code = this.buffer[offset];
	            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
	            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
	            const fullMessageLength = CODE_LENGTH + length;
	            if (fullMessageLength + offset <= bufferFullLength) {
	                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
	                callback(message);
	                offset += fullMessageLength;
	            }
	            else {
	                break;
	            }
	        }
	        if (offset === bufferFullLength) {
	            // No more use for the buffer
	            this.buffer = emptyBuffer;
	            this.bufferLength = 0;
	            this.bufferOffset = 0;
	        }
	        else {
	            // Adjust the cursors of remainingBuffer
	            this.bufferLength = bufferFullLength - offset;
	            this.bufferOffset = offset;
	        }
	    }
	    mergeBuffer(buffer) {
	        if (this.bufferLength > 0) {
	            const newLength = this.bufferLength + buffer.byteLength;
	            const newFullLength = newLength + this.bufferOffset;
	            if (newFullLength > this.buffer.byteLength) {
	                // We can't concat the new buffer with the remaining one
	                let newBuffer;
	                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
	                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
	                    newBuffer = this.buffer;
	                }
	                else {
	                    // Allocate a new larger buffer
	                    let newBufferLength = this.buffer.byteLength * 2;
	                    while (newLength >= newBufferLength) {
	                        newBufferLength *= 2;
	                    }
	                    newBuffer = Buffer.allocUnsafe(newBufferLength);
	                }
	                // Move the remaining buffer to the new one
	                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
	                this.buffer = newBuffer;
	                this.bufferOffset = 0;
	            }
	            // Concat the new buffer with the remaining one
	            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
	            this.bufferLength = newLength;
	        }
	        else {
	            this.buffer = buffer;
	            this.bufferOffset = 0;
	            this.bufferLength = buffer.byteLength;
	        }
	    }
	    handlePacket(offset, code, length, bytes) {
	        const { reader } = this;
	        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
	        reader.setBuffer(offset, bytes);
	        let message;
	        switch (code) {
	            case 50 /* MessageCodes.BindComplete */:
	                message = messages_1.bindComplete;
	                break;
	            case 49 /* MessageCodes.ParseComplete */:
	                message = messages_1.parseComplete;
	                break;
	            case 51 /* MessageCodes.CloseComplete */:
	                message = messages_1.closeComplete;
	                break;
	            case 110 /* MessageCodes.NoData */:
	                message = messages_1.noData;
	                break;
	            case 115 /* MessageCodes.PortalSuspended */:
	                message = messages_1.portalSuspended;
	                break;
	            case 99 /* MessageCodes.CopyDone */:
	                message = messages_1.copyDone;
	                break;
	            case 87 /* MessageCodes.ReplicationStart */:
	                message = messages_1.replicationStart;
	                break;
	            case 73 /* MessageCodes.EmptyQuery */:
	                message = messages_1.emptyQuery;
	                break;
	            case 68 /* MessageCodes.DataRow */:
	                message = parseDataRowMessage(reader);
	                break;
	            case 67 /* MessageCodes.CommandComplete */:
	                message = parseCommandCompleteMessage(reader);
	                break;
	            case 90 /* MessageCodes.ReadyForQuery */:
	                message = parseReadyForQueryMessage(reader);
	                break;
	            case 65 /* MessageCodes.NotificationResponse */:
	                message = parseNotificationMessage(reader);
	                break;
	            case 82 /* MessageCodes.AuthenticationResponse */:
	                message = parseAuthenticationResponse(reader, length);
	                break;
	            case 83 /* MessageCodes.ParameterStatus */:
	                message = parseParameterStatusMessage(reader);
	                break;
	            case 75 /* MessageCodes.BackendKeyData */:
	                message = parseBackendKeyData(reader);
	                break;
	            case 69 /* MessageCodes.ErrorMessage */:
	                message = parseErrorMessage(reader, 'error');
	                break;
	            case 78 /* MessageCodes.NoticeMessage */:
	                message = parseErrorMessage(reader, 'notice');
	                break;
	            case 84 /* MessageCodes.RowDescriptionMessage */:
	                message = parseRowDescriptionMessage(reader);
	                break;
	            case 116 /* MessageCodes.ParameterDescriptionMessage */:
	                message = parseParameterDescriptionMessage(reader);
	                break;
	            case 71 /* MessageCodes.CopyIn */:
	                message = parseCopyInMessage(reader);
	                break;
	            case 72 /* MessageCodes.CopyOut */:
	                message = parseCopyOutMessage(reader);
	                break;
	            case 100 /* MessageCodes.CopyData */:
	                message = parseCopyData(reader, length);
	                break;
	            default:
	                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
	        }
	        reader.setBuffer(0, emptyBuffer);
	        message.length = length;
	        return message;
	    }
	}
	parser.Parser = Parser;
	const parseReadyForQueryMessage = (reader) => {
	    const status = reader.string(1);
	    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
	};
	const parseCommandCompleteMessage = (reader) => {
	    const text = reader.cstring();
	    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
	};
	const parseCopyData = (reader, length) => {
	    const chunk = reader.bytes(length - 4);
	    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
	};
	const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
	const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
	const parseCopyMessage = (reader, messageName) => {
	    const isBinary = reader.byte() !== 0;
	    const columnCount = reader.int16();
	    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
	    for (let i = 0; i < columnCount; i++) {
	        message.columnTypes[i] = reader.int16();
	    }
	    return message;
	};
	const parseNotificationMessage = (reader) => {
	    const processId = reader.int32();
	    const channel = reader.cstring();
	    const payload = reader.cstring();
	    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
	};
	const parseRowDescriptionMessage = (reader) => {
	    const fieldCount = reader.int16();
	    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
	    for (let i = 0; i < fieldCount; i++) {
	        message.fields[i] = parseField(reader);
	    }
	    return message;
	};
	const parseField = (reader) => {
	    const name = reader.cstring();
	    const tableID = reader.uint32();
	    const columnID = reader.int16();
	    const dataTypeID = reader.uint32();
	    const dataTypeSize = reader.int16();
	    const dataTypeModifier = reader.int32();
	    const mode = reader.int16() === 0 ? 'text' : 'binary';
	    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
	};
	const parseParameterDescriptionMessage = (reader) => {
	    const parameterCount = reader.int16();
	    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
	    for (let i = 0; i < parameterCount; i++) {
	        // OIDs are unsigned, same as dataTypeID in parseField above
	        message.dataTypeIDs[i] = reader.uint32();
	    }
	    return message;
	};
	const parseDataRowMessage = (reader) => {
	    const fieldCount = reader.int16();
	    const fields = new Array(fieldCount);
	    for (let i = 0; i < fieldCount; i++) {
	        const len = reader.int32();
	        // a -1 for length means the value of the field is null
	        fields[i] = len === -1 ? null : reader.string(len);
	    }
	    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
	};
	const parseParameterStatusMessage = (reader) => {
	    const name = reader.cstring();
	    const value = reader.cstring();
	    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
	};
	const parseBackendKeyData = (reader) => {
	    const processID = reader.int32();
	    const secretKey = reader.int32();
	    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
	};
	const parseAuthenticationResponse = (reader, length) => {
	    const code = reader.int32();
	    // TODO(bmc): maybe better types here
	    const message = {
	        name: 'authenticationOk',
	        length,
	    };
	    switch (code) {
	        case 0: // AuthenticationOk
	            break;
	        case 3: // AuthenticationCleartextPassword
	            if (message.length === 8) {
	                message.name = 'authenticationCleartextPassword';
	            }
	            break;
	        case 5: // AuthenticationMD5Password
	            if (message.length === 12) {
	                message.name = 'authenticationMD5Password';
	                const salt = reader.bytes(4);
	                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
	            }
	            break;
	        case 10: // AuthenticationSASL
	            {
	                message.name = 'authenticationSASL';
	                message.mechanisms = [];
	                let mechanism;
	                do {
	                    mechanism = reader.cstring();
	                    if (mechanism) {
	                        message.mechanisms.push(mechanism);
	                    }
	                } while (mechanism);
	            }
	            break;
	        case 11: // AuthenticationSASLContinue
	            message.name = 'authenticationSASLContinue';
	            message.data = reader.string(length - 8);
	            break;
	        case 12: // AuthenticationSASLFinal
	            message.name = 'authenticationSASLFinal';
	            message.data = reader.string(length - 8);
	            break;
	        default:
	            throw new Error('Unknown authenticationOk message type ' + code);
	    }
	    return message;
	};
	const parseErrorMessage = (reader, name) => {
	    const fields = {};
	    let fieldType = reader.string(1);
	    while (fieldType !== '\0') {
	        fields[fieldType] = reader.cstring();
	        fieldType = reader.string(1);
	    }
	    const messageValue = fields.M;
	    const message = name === 'notice'
	        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
	        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
	    message.severity = fields.S;
	    message.code = fields.C;
	    message.detail = fields.D;
	    message.hint = fields.H;
	    message.position = fields.P;
	    message.internalPosition = fields.p;
	    message.internalQuery = fields.q;
	    message.where = fields.W;
	    message.schema = fields.s;
	    message.table = fields.t;
	    message.column = fields.c;
	    message.dataType = fields.d;
	    message.constraint = fields.n;
	    message.file = fields.F;
	    message.line = fields.L;
	    message.routine = fields.R;
	    return message;
	};
	
	return parser;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.DatabaseError = exports.serialize = void 0;
		exports.parse = parse;
		const messages_1 = requireMessages();
		Object.defineProperty(exports, "DatabaseError", { enumerable: true, get: function () { return messages_1.DatabaseError; } });
		const serializer_1 = requireSerializer();
		Object.defineProperty(exports, "serialize", { enumerable: true, get: function () { return serializer_1.serialize; } });
		const parser_1 = requireParser();
		function parse(stream, callback) {
		    const parser = new parser_1.Parser();
		    stream.on('data', (buffer) => parser.parse(buffer, callback));
		    return new Promise((resolve) => stream.on('end', () => resolve()));
		}
		
	} (dist));
	return dist;
}

var empty = {};

var hasRequiredEmpty;

function requireEmpty () {
	if (hasRequiredEmpty) return empty;
	hasRequiredEmpty = 1;
	Object.defineProperty(empty, "__esModule", { value: true });
	// This is an empty module that is served up when outside of a workerd environment
	// See the `exports` field in package.json
	empty.default = {};
	
	return empty;
}

var stream;
var hasRequiredStream;

function requireStream () {
	if (hasRequiredStream) return stream;
	hasRequiredStream = 1;
	const { getStream, getSecureStream } = getStreamFuncs();

	stream = {
	  /**
	   * Get a socket stream compatible with the current runtime environment.
	   * @returns {Duplex}
	   */
	  getStream,
	  /**
	   * Get a TLS secured socket, compatible with the current environment,
	   * using the socket and other settings given in `options`.
	   * @returns {Duplex}
	   */
	  getSecureStream,
	};

	/**
	 * The stream functions that work in Node.js
	 */
	function getNodejsStreamFuncs() {
	  function getStream(ssl) {
	    const net = require('net');
	    return new net.Socket()
	  }

	  function getSecureStream(options) {
	    const tls = require('tls');
	    return tls.connect(options)
	  }
	  return {
	    getStream,
	    getSecureStream,
	  }
	}

	/**
	 * The stream functions that work in Cloudflare Workers
	 */
	function getCloudflareStreamFuncs() {
	  function getStream(ssl) {
	    const { CloudflareSocket } = requireEmpty();
	    return new CloudflareSocket(ssl)
	  }

	  function getSecureStream(options) {
	    options.socket.startTls(options);
	    return options.socket
	  }
	  return {
	    getStream,
	    getSecureStream,
	  }
	}

	/**
	 * Are we running in a Cloudflare Worker?
	 *
	 * @returns true if the code is currently running inside a Cloudflare Worker.
	 */
	function isCloudflareRuntime() {
	  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
	  // which means that `navigator.userAgent` will be defined.
	  // eslint-disable-next-line no-undef
	  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
	    // eslint-disable-next-line no-undef
	    return navigator.userAgent === 'Cloudflare-Workers'
	  }
	  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
	  if (typeof Response === 'function') {
	    const resp = new Response(null, { cf: { thing: true } });
	    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
	      return true
	    }
	  }
	  return false
	}

	function getStreamFuncs() {
	  if (isCloudflareRuntime()) {
	    return getCloudflareStreamFuncs()
	  }
	  return getNodejsStreamFuncs()
	}
	return stream;
}

var connection;
var hasRequiredConnection;

function requireConnection () {
	if (hasRequiredConnection) return connection;
	hasRequiredConnection = 1;

	const EventEmitter = require('events').EventEmitter;

	const { parse, serialize } = requireDist();
	const stream = requireStream();
	const { getStream } = stream;

	const flushBuffer = serialize.flush();
	const syncBuffer = serialize.sync();
	const endBuffer = serialize.end();

	// TODO(bmc) support binary mode at some point
	class Connection extends EventEmitter {
	  constructor(config) {
	    super();
	    config = config || {};

	    this.stream = config.stream || getStream(config.ssl);
	    if (typeof this.stream === 'function') {
	      this.stream = this.stream(config);
	    }

	    this._keepAlive = config.keepAlive;
	    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis;
	    this.parsedStatements = {};
	    this.submittedNamedStatements = {};
	    this.ssl = config.ssl || false;
	    this.sslNegotiation = config.sslNegotiation || 'postgres';
	    this._ending = false;
	    this._emitMessage = false;
	    const self = this;
	    this.on('newListener', function (eventName) {
	      if (eventName === 'message') {
	        self._emitMessage = true;
	      }
	    });
	  }

	  connect(port, host) {
	    const self = this;

	    this._connecting = true;
	    this.stream.setNoDelay(true);
	    this.stream.connect(port, host);

	    this.stream.once('connect', function () {
	      if (self._keepAlive) {
	        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis);
	      }
	      self.emit('connect');
	    });

	    const reportStreamError = function (error) {
	      // errors about disconnections should be ignored during disconnect
	      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
	        return
	      }
	      self.emit('error', error);
	    };
	    this.stream.on('error', reportStreamError);

	    this.stream.on('close', function () {
	      self.emit('end');
	    });

	    if (!this.ssl) {
	      return this.attachListeners(this.stream)
	    }

	    // With direct SSL negotiation the TLS handshake starts immediately on the
	    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
	    if (this.sslNegotiation === 'direct') {
	      return this.stream.once('connect', function () {
	        self.upgradeToSSL(host, reportStreamError);
	      })
	    }

	    this.stream.once('data', function (buffer) {
	      const responseCode = buffer.toString('utf8');
	      switch (responseCode) {
	        case 'S': // Server supports SSL connections, continue with a secure connection
	          break
	        case 'N': // Server does not support SSL connections
	          self.stream.end();
	          return self.emit('error', new Error('The server does not support SSL connections'))
	        default:
	          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
	          self.stream.end();
	          return self.emit('error', new Error('There was an error establishing an SSL connection'))
	      }
	      self.upgradeToSSL(host, reportStreamError);
	    });
	  }

	  upgradeToSSL(host, reportStreamError) {
	    const self = this;
	    const options = {
	      socket: self.stream,
	      // tls.connect checks the server identity against `servername`, falling
	      // back to `host` and then to 'localhost'. `servername` must stay unset
	      // for IP addresses (see below), so `host` is needed to keep certificate
	      // validation working when connecting to an IP address.
	      host,
	    };

	    if (self.ssl !== true) {
	      Object.assign(options, self.ssl);

	      if ('key' in self.ssl) {
	        options.key = self.ssl.key;
	      }
	    }

	    // Direct SSL negotiation requires ALPN so the server can confirm it is
	    // speaking the PostgreSQL protocol over the TLS connection.
	    if (self.sslNegotiation === 'direct') {
	      options.ALPNProtocols = ['postgresql'];
	    }

	    // SNI must not be set to an IP address (RFC 6066 section 3)
	    const net = require('net');
	    if (net.isIP && net.isIP(host) === 0) {
	      options.servername = host;
	    }
	    try {
	      self.stream = stream.getSecureStream(options);
	    } catch (err) {
	      return self.emit('error', err)
	    }
	    self.attachListeners(self.stream);
	    self.stream.on('error', reportStreamError);

	    self.emit('sslconnect');
	  }

	  attachListeners(stream) {
	    parse(stream, (msg) => {
	      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name;
	      if (this._emitMessage) {
	        this.emit('message', msg);
	      }
	      this.emit(eventName, msg);
	    });
	  }

	  requestSsl() {
	    this.stream.write(serialize.requestSsl());
	  }

	  startup(config) {
	    this.stream.write(serialize.startup(config));
	  }

	  cancel(processID, secretKey) {
	    this._send(serialize.cancel(processID, secretKey));
	  }

	  password(password) {
	    this._send(serialize.password(password));
	  }

	  sendSASLInitialResponseMessage(mechanism, initialResponse) {
	    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
	  }

	  sendSCRAMClientFinalMessage(additionalData) {
	    this._send(serialize.sendSCRAMClientFinalMessage(additionalData));
	  }

	  _send(buffer) {
	    if (!this.stream.writable) {
	      return false
	    }
	    return this.stream.write(buffer)
	  }

	  query(text) {
	    this._send(serialize.query(text));
	  }

	  // send parse message
	  parse(query) {
	    this._send(serialize.parse(query));
	  }

	  // send bind message
	  bind(config) {
	    this._send(serialize.bind(config));
	  }

	  // send execute message
	  execute(config) {
	    this._send(serialize.execute(config));
	  }

	  flush() {
	    if (this.stream.writable) {
	      this.stream.write(flushBuffer);
	    }
	  }

	  sync() {
	    // Sync is the extended-query protocol barrier, not a disconnect.
	    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
	    this._send(syncBuffer);
	  }

	  ref() {
	    this.stream.ref();
	  }

	  unref() {
	    this.stream.unref();
	  }

	  end() {
	    // 0x58 = 'X'
	    this._ending = true;
	    if (!this._connecting || !this.stream.writable) {
	      this.stream.end();
	      return
	    }
	    return this.stream.write(endBuffer, () => {
	      this.stream.end();
	    })
	  }

	  close(msg) {
	    this._send(serialize.close(msg));
	  }

	  describe(msg) {
	    this._send(serialize.describe(msg));
	  }

	  sendCopyFromChunk(chunk) {
	    this._send(serialize.copyData(chunk));
	  }

	  endCopyFrom() {
	    this._send(serialize.copyDone());
	  }

	  sendCopyFail(msg) {
	    this._send(serialize.copyFail(msg));
	  }
	}

	connection = Connection;
	return connection;
}

var lib = {exports: {}};

var helper = {exports: {}};

/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/

var split2;
var hasRequiredSplit2;

function requireSplit2 () {
	if (hasRequiredSplit2) return split2;
	hasRequiredSplit2 = 1;

	const { Transform } = require('stream');
	const { StringDecoder } = require('string_decoder');
	const kLast = Symbol('last');
	const kDecoder = Symbol('decoder');

	function transform (chunk, enc, cb) {
	  let list;
	  if (this.overflow) { // Line buffer is full. Skip to start of next line.
	    const buf = this[kDecoder].write(chunk);
	    list = buf.split(this.matcher);

	    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

	    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
	    list.shift();
	    this.overflow = false;
	  } else {
	    this[kLast] += this[kDecoder].write(chunk);
	    list = this[kLast].split(this.matcher);
	  }

	  this[kLast] = list.pop();

	  for (let i = 0; i < list.length; i++) {
	    try {
	      push(this, this.mapper(list[i]));
	    } catch (error) {
	      return cb(error)
	    }
	  }

	  this.overflow = this[kLast].length > this.maxLength;
	  if (this.overflow && !this.skipOverflow) {
	    cb(new Error('maximum buffer reached'));
	    return
	  }

	  cb();
	}

	function flush (cb) {
	  // forward any gibberish left in there
	  this[kLast] += this[kDecoder].end();

	  if (this[kLast]) {
	    try {
	      push(this, this.mapper(this[kLast]));
	    } catch (error) {
	      return cb(error)
	    }
	  }

	  cb();
	}

	function push (self, val) {
	  if (val !== undefined) {
	    self.push(val);
	  }
	}

	function noop (incoming) {
	  return incoming
	}

	function split (matcher, mapper, options) {
	  // Set defaults for any arguments not supplied.
	  matcher = matcher || /\r?\n/;
	  mapper = mapper || noop;
	  options = options || {};

	  // Test arguments explicitly.
	  switch (arguments.length) {
	    case 1:
	      // If mapper is only argument.
	      if (typeof matcher === 'function') {
	        mapper = matcher;
	        matcher = /\r?\n/;
	      // If options is only argument.
	      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
	        options = matcher;
	        matcher = /\r?\n/;
	      }
	      break

	    case 2:
	      // If mapper and options are arguments.
	      if (typeof matcher === 'function') {
	        options = mapper;
	        mapper = matcher;
	        matcher = /\r?\n/;
	      // If matcher and options are arguments.
	      } else if (typeof mapper === 'object') {
	        options = mapper;
	        mapper = noop;
	      }
	  }

	  options = Object.assign({}, options);
	  options.autoDestroy = true;
	  options.transform = transform;
	  options.flush = flush;
	  options.readableObjectMode = true;

	  const stream = new Transform(options);

	  stream[kLast] = '';
	  stream[kDecoder] = new StringDecoder('utf8');
	  stream.matcher = matcher;
	  stream.mapper = mapper;
	  stream.maxLength = options.maxLength;
	  stream.skipOverflow = options.skipOverflow || false;
	  stream.overflow = false;
	  stream._destroy = function (err, cb) {
	    // Weird Node v12 bug that we need to work around
	    this._writableState.errorEmitted = false;
	    cb(err);
	  };

	  return stream
	}

	split2 = split;
	return split2;
}

var hasRequiredHelper;

function requireHelper () {
	if (hasRequiredHelper) return helper.exports;
	hasRequiredHelper = 1;
	(function (module) {

		var path = require('path')
		  , Stream = require('stream').Stream
		  , split = requireSplit2()
		  , util = require('util')
		  , defaultPort = 5432
		  , isWin = (process.platform === 'win32')
		  , warnStream = process.stderr
		;


		var S_IRWXG = 56     //    00070(8)
		  , S_IRWXO = 7      //    00007(8)
		  , S_IFMT  = 61440  // 00170000(8)
		  , S_IFREG = 32768  //  0100000(8)
		;
		function isRegFile(mode) {
		    return ((mode & S_IFMT) == S_IFREG);
		}

		var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
		var nrOfFields = fieldNames.length;
		var passKey = fieldNames[ nrOfFields -1 ];


		function warn() {
		    var isWritable = (
		        warnStream instanceof Stream &&
		          true === warnStream.writable
		    );

		    if (isWritable) {
		        var args = Array.prototype.slice.call(arguments).concat("\n");
		        warnStream.write( util.format.apply(util, args) );
		    }
		}


		Object.defineProperty(module.exports, 'isWin', {
		    get : function() {
		        return isWin;
		    } ,
		    set : function(val) {
		        isWin = val;
		    }
		});


		module.exports.warnTo = function(stream) {
		    var old = warnStream;
		    warnStream = stream;
		    return old;
		};

		module.exports.getFileName = function(rawEnv){
		    var env = rawEnv || process.env;
		    var file = env.PGPASSFILE || (
		        isWin ?
		          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
		          path.join( env.HOME || './', '.pgpass' )
		    );
		    return file;
		};

		module.exports.usePgPass = function(stats, fname) {
		    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
		        return false;
		    }

		    if (isWin) {
		        return true;
		    }

		    fname = fname || '<unkn>';

		    if (! isRegFile(stats.mode)) {
		        warn('WARNING: password file "%s" is not a plain file', fname);
		        return false;
		    }

		    if (stats.mode & (S_IRWXG | S_IRWXO)) {
		        /* If password file is insecure, alert the user and ignore it. */
		        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
		        return false;
		    }

		    return true;
		};


		var matcher = module.exports.match = function(connInfo, entry) {
		    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
		        if (idx == 1) {
		            // the port
		            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
		                return prev && true;
		            }
		        }
		        return prev && (
		            entry[field] === '*' ||
		              entry[field] === connInfo[field]
		        );
		    }, true);
		};


		module.exports.getPassword = function(connInfo, stream, cb) {
		    var pass;
		    var lineStream = stream.pipe(split());

		    function onLine(line) {
		        var entry = parseLine(line);
		        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
		            pass = entry[passKey];
		            lineStream.end(); // -> calls onEnd(), but pass is set now
		        }
		    }

		    var onEnd = function() {
		        stream.destroy();
		        cb(pass);
		    };

		    var onErr = function(err) {
		        stream.destroy();
		        warn('WARNING: error on reading file: %s', err);
		        cb(undefined);
		    };

		    stream.on('error', onErr);
		    lineStream
		        .on('data', onLine)
		        .on('end', onEnd)
		        .on('error', onErr)
		    ;

		};


		var parseLine = module.exports.parseLine = function(line) {
		    if (line.length < 11 || line.match(/^\s+#/)) {
		        return null;
		    }

		    var curChar = '';
		    var prevChar = '';
		    var fieldIdx = 0;
		    var startIdx = 0;
		    var obj = {};
		    var isLastField = false;
		    var addToObj = function(idx, i0, i1) {
		        var field = line.substring(i0, i1);

		        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
		            field = field.replace(/\\([:\\])/g, '$1');
		        }

		        obj[ fieldNames[idx] ] = field;
		    };

		    for (var i = 0 ; i < line.length-1 ; i += 1) {
		        curChar = line.charAt(i+1);
		        prevChar = line.charAt(i);

		        isLastField = (fieldIdx == nrOfFields-1);

		        if (isLastField) {
		            addToObj(fieldIdx, startIdx);
		            break;
		        }

		        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
		            addToObj(fieldIdx, startIdx, i+1);

		            startIdx = i+2;
		            fieldIdx += 1;
		        }
		    }

		    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

		    return obj;
		};


		var isValidEntry = module.exports.isValidEntry = function(entry){
		    var rules = {
		        // host
		        0 : function(x){
		            return x.length > 0;
		        } ,
		        // port
		        1 : function(x){
		            if (x === '*') {
		                return true;
		            }
		            x = Number(x);
		            return (
		                isFinite(x) &&
		                  x > 0 &&
		                  x < 9007199254740992 &&
		                  Math.floor(x) === x
		            );
		        } ,
		        // database
		        2 : function(x){
		            return x.length > 0;
		        } ,
		        // username
		        3 : function(x){
		            return x.length > 0;
		        } ,
		        // password
		        4 : function(x){
		            return x.length > 0;
		        }
		    };

		    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
		        var rule = rules[idx];
		        var value = entry[ fieldNames[idx] ] || '';

		        var res = rule(value);
		        if (!res) {
		            return false;
		        }
		    }

		    return true;
		}; 
	} (helper));
	return helper.exports;
}

var hasRequiredLib$1;

function requireLib$1 () {
	if (hasRequiredLib$1) return lib.exports;
	hasRequiredLib$1 = 1;

	require('path')
	  ; var fs = require('fs')
	  , helper = requireHelper()
	;


	lib.exports = function(connInfo, cb) {
	    var file = helper.getFileName();
	    
	    fs.stat(file, function(err, stat){
	        if (err || !helper.usePgPass(stat, file)) {
	            return cb(undefined);
	        }

	        var st = fs.createReadStream(file);

	        helper.getPassword(connInfo, st, cb);
	    });
	};

	lib.exports.warnTo = helper.warnTo;
	return lib.exports;
}

var client$1;
var hasRequiredClient$1;

function requireClient$1 () {
	if (hasRequiredClient$1) return client$1;
	hasRequiredClient$1 = 1;
	const EventEmitter = require('events').EventEmitter;
	const utils = requireUtils$1();
	const nodeUtils = require('util');
	const sasl = requireSasl();
	const TypeOverrides = requireTypeOverrides();

	const ConnectionParameters = requireConnectionParameters();
	const Query = requireQuery$1();
	const defaults = requireDefaults();
	const Connection = requireConnection();
	const crypto = requireUtils();

	const activeQueryDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Client.activeQuery is deprecated and will be removed in pg@9.0'
	);

	const queryQueueDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
	);

	const pgPassDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'pgpass support is deprecated and will be removed in pg@9.0. ' +
	    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
	);

	const byoPromiseDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
	);

	const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
	);

	function coerceNumberOrDefault(value, defaultValue) {
	  if (typeof value === 'number') {
	    return Number.isFinite(value) ? value : defaultValue
	  }
	  if (typeof value === 'string' && value.trim() !== '') {
	    const n = Number(value);
	    return Number.isFinite(n) ? n : defaultValue
	  }
	  return defaultValue
	}

	class Client extends EventEmitter {
	  constructor(config) {
	    super();

	    this.connectionParameters = new ConnectionParameters(config);
	    this.user = this.connectionParameters.user;
	    this.database = this.connectionParameters.database;
	    this.port = this.connectionParameters.port;
	    this.host = this.connectionParameters.host;

	    // "hiding" the password so it doesn't show up in stack traces
	    // or if the client is console.logged
	    Object.defineProperty(this, 'password', {
	      configurable: true,
	      enumerable: false,
	      writable: true,
	      value: this.connectionParameters.password,
	    });

	    this.replication = this.connectionParameters.replication;

	    const c = config || {};

	    if (c.Promise) {
	      byoPromiseDeprecationNotice();
	    }
	    this._Promise = c.Promise || commonjsGlobal.Promise;
	    this._types = new TypeOverrides(c.types);
	    this._ending = false;
	    this._ended = false;
	    this._connecting = false;
	    this._connected = false;
	    this._connectionError = false;
	    this._queryable = true;
	    this._activeQuery = null;
	    this._txStatus = null;

	    this.enableChannelBinding = Boolean(c.enableChannelBinding); // set true to use SCRAM-SHA-256-PLUS when offered
	    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS);
	    this.connection =
	      c.connection ||
	      new Connection({
	        stream: c.stream,
	        ssl: this.connectionParameters.ssl,
	        sslNegotiation: this.connectionParameters.sslnegotiation,
	        keepAlive: c.keepAlive || false,
	        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
	        encoding: this.connectionParameters.client_encoding || 'utf8',
	      });
	    this._queryQueue = [];
	    this._sentQueryQueue = [];
	    this.pipeline = Boolean(c.pipeline);
	    this.binary = c.binary || defaults.binary;
	    this.processID = null;
	    this.secretKey = null;
	    this.ssl = this.connectionParameters.ssl || false;
	    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres';
	    // As with Password, make SSL->Key (the private key) non-enumerable.
	    // It won't show up in stack traces
	    // or if the client is console.logged
	    if (this.ssl && this.ssl.key) {
	      Object.defineProperty(this.ssl, 'key', {
	        enumerable: false,
	      });
	    }

	    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0;
	  }

	  get activeQuery() {
	    activeQueryDeprecationNotice();
	    return this._activeQuery
	  }

	  set activeQuery(val) {
	    activeQueryDeprecationNotice();
	    this._activeQuery = val;
	  }

	  _getActiveQuery() {
	    return this._activeQuery
	  }

	  _errorAllQueries(err) {
	    const enqueueError = (query) => {
	      process.nextTick(() => {
	        query.handleError(err, this.connection);
	      });
	    };

	    const activeQuery = this._getActiveQuery();
	    if (activeQuery) {
	      enqueueError(activeQuery);
	      this._activeQuery = null;
	    }

	    this._sentQueryQueue.forEach(enqueueError);
	    this._sentQueryQueue.length = 0;

	    this._queryQueue.forEach(enqueueError);
	    this._queryQueue.length = 0;
	  }

	  _connect(callback) {
	    const self = this;
	    const con = this.connection;
	    this._connectionCallback = callback;

	    if (this._connecting || this._connected) {
	      const err = new Error('Client has already been connected. You cannot reuse a client.');
	      process.nextTick(() => {
	        callback(err);
	      });
	      return
	    }
	    this._connecting = true;

	    if (this._connectionTimeoutMillis > 0) {
	      this.connectionTimeoutHandle = setTimeout(() => {
	        con._ending = true;
	        con.stream.destroy(new Error('timeout expired'));
	      }, this._connectionTimeoutMillis);

	      if (this.connectionTimeoutHandle.unref) {
	        this.connectionTimeoutHandle.unref();
	      }
	    }

	    if (this.host && this.host.indexOf('/') === 0) {
	      con.connect(this.host + '/.s.PGSQL.' + this.port);
	    } else {
	      con.connect(this.port, this.host);
	    }

	    // once connection is established send startup message
	    con.on('connect', function () {
	      if (self.ssl) {
	        // With direct SSL negotiation the connection upgrades to TLS without an
	        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
	        if (self.sslNegotiation !== 'direct') {
	          con.requestSsl();
	        }
	      } else {
	        con.startup(self.getStartupConf());
	      }
	    });

	    con.on('sslconnect', function () {
	      con.startup(self.getStartupConf());
	    });

	    this._attachListeners(con);

	    con.once('end', () => {
	      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly');

	      clearTimeout(this.connectionTimeoutHandle);
	      this._errorAllQueries(error);
	      this._ended = true;

	      if (!this._ending) {
	        // if the connection is ended without us calling .end()
	        // on this client then we have an unexpected disconnection
	        // treat this as an error unless we've already emitted an error
	        // during connection.
	        if (this._connecting && !this._connectionError) {
	          if (this._connectionCallback) {
	            this._connectionCallback(error);
	          } else {
	            this._handleErrorEvent(error);
	          }
	        } else if (!this._connectionError) {
	          this._handleErrorEvent(error);
	        }
	      }

	      process.nextTick(() => {
	        this.emit('end');
	      });
	    });
	  }

	  connect(callback) {
	    if (callback) {
	      this._connect(callback);
	      return
	    }

	    return new this._Promise((resolve, reject) => {
	      this._connect((error) => {
	        if (error) {
	          reject(error);
	        } else {
	          resolve(this);
	        }
	      });
	    })
	  }

	  _attachListeners(con) {
	    // password request handling
	    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this));
	    // password request handling
	    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this));
	    // password request handling (SASL)
	    con.on('authenticationSASL', this._handleAuthSASL.bind(this));
	    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this));
	    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this));
	    con.on('backendKeyData', this._handleBackendKeyData.bind(this));
	    con.on('error', this._handleErrorEvent.bind(this));
	    con.on('errorMessage', this._handleErrorMessage.bind(this));
	    con.on('readyForQuery', this._handleReadyForQuery.bind(this));
	    con.on('notice', this._handleNotice.bind(this));
	    con.on('rowDescription', this._handleRowDescription.bind(this));
	    con.on('dataRow', this._handleDataRow.bind(this));
	    con.on('portalSuspended', this._handlePortalSuspended.bind(this));
	    con.on('emptyQuery', this._handleEmptyQuery.bind(this));
	    con.on('commandComplete', this._handleCommandComplete.bind(this));
	    con.on('parseComplete', this._handleParseComplete.bind(this));
	    con.on('copyInResponse', this._handleCopyInResponse.bind(this));
	    con.on('copyData', this._handleCopyData.bind(this));
	    con.on('notification', this._handleNotification.bind(this));
	  }

	  _getPassword(cb) {
	    const con = this.connection;
	    if (typeof this.password === 'function') {
	      this._Promise
	        .resolve()
	        .then(() => this.password(this.connectionParameters))
	        .then((pass) => {
	          if (pass !== undefined) {
	            if (typeof pass !== 'string') {
	              con.emit('error', new TypeError('Password must be a string'));
	              return
	            }
	            this.connectionParameters.password = this.password = pass;
	          } else {
	            this.connectionParameters.password = this.password = null;
	          }
	          cb();
	        })
	        .catch((err) => {
	          con.emit('error', err);
	        });
	    } else if (this.password !== null) {
	      cb();
	    } else {
	      try {
	        const pgPass = requireLib$1();
	        pgPass(this.connectionParameters, (pass) => {
	          if (undefined !== pass) {
	            pgPassDeprecationNotice();
	            this.connectionParameters.password = this.password = pass;
	          }
	          cb();
	        });
	      } catch (e) {
	        this.emit('error', e);
	      }
	    }
	  }

	  _handleAuthCleartextPassword(msg) {
	    this._getPassword(() => {
	      this.connection.password(this.password);
	    });
	  }

	  _handleAuthMD5Password(msg) {
	    this._getPassword(async () => {
	      try {
	        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt);
	        this.connection.password(hashedPassword);
	      } catch (e) {
	        this.emit('error', e);
	      }
	    });
	  }

	  _handleAuthSASL(msg) {
	    this._getPassword(() => {
	      try {
	        this.saslSession = sasl.startSession(
	          msg.mechanisms,
	          this.enableChannelBinding && this.connection.stream,
	          this.scramMaxIterations
	        );
	        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response);
	      } catch (err) {
	        this.connection.emit('error', err);
	      }
	    });
	  }

	  async _handleAuthSASLContinue(msg) {
	    try {
	      await sasl.continueSession(
	        this.saslSession,
	        this.password,
	        msg.data,
	        this.enableChannelBinding && this.connection.stream
	      );
	      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response);
	    } catch (err) {
	      this.connection.emit('error', err);
	    }
	  }

	  _handleAuthSASLFinal(msg) {
	    try {
	      sasl.finalizeSession(this.saslSession, msg.data);
	      this.saslSession = null;
	    } catch (err) {
	      this.connection.emit('error', err);
	    }
	  }

	  _handleBackendKeyData(msg) {
	    this.processID = msg.processID;
	    this.secretKey = msg.secretKey;
	  }

	  _handleReadyForQuery(msg) {
	    if (this._connecting) {
	      this._connecting = false;
	      this._connected = true;
	      clearTimeout(this.connectionTimeoutHandle);

	      // process possible callback argument to Client#connect
	      if (this._connectionCallback) {
	        this._connectionCallback(null, this);
	        // remove callback for proper error handling
	        // after the connect event
	        this._connectionCallback = null;
	      }
	      this.emit('connect');
	    }
	    const activeQuery = this._getActiveQuery();
	    this._activeQuery = null;
	    this._txStatus = msg?.status ?? null;
	    this.readyForQuery = true;
	    if (activeQuery) {
	      activeQuery.handleReadyForQuery(this.connection);
	    }
	    this._pulseQueryQueue();
	  }

	  // if we receive an error event or error message
	  // during the connection process we handle it here
	  _handleErrorWhileConnecting(err) {
	    if (this._connectionError) {
	      // TODO(bmc): this is swallowing errors - we shouldn't do this
	      return
	    }
	    this._connectionError = true;
	    clearTimeout(this.connectionTimeoutHandle);
	    if (this._connectionCallback) {
	      return this._connectionCallback(err)
	    }
	    this.emit('error', err);
	  }

	  // if we're connected and we receive an error event from the connection
	  // this means the socket is dead - do a hard abort of all queries and emit
	  // the socket error on the client as well
	  _handleErrorEvent(err) {
	    if (this._connecting) {
	      return this._handleErrorWhileConnecting(err)
	    }
	    this._queryable = false;
	    this._errorAllQueries(err);
	    this.emit('error', err);
	  }

	  // handle error messages from the postgres backend
	  _handleErrorMessage(msg) {
	    if (this._connecting) {
	      return this._handleErrorWhileConnecting(msg)
	    }
	    const activeQuery = this._getActiveQuery();

	    if (!activeQuery) {
	      this._handleErrorEvent(msg);
	      return
	    }

	    this._activeQuery = null;
	    if (activeQuery.name) {
	      delete this.connection.submittedNamedStatements[activeQuery.name];
	    }
	    activeQuery.handleError(msg, this.connection);
	  }

	  _handleRowDescription(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected rowDescription message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate rowDescription to active query
	    activeQuery.handleRowDescription(msg);
	  }

	  _handleDataRow(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected dataRow message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate dataRow to active query
	    activeQuery.handleDataRow(msg);
	  }

	  _handlePortalSuspended(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected portalSuspended message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate portalSuspended to active query
	    activeQuery.handlePortalSuspended(this.connection);
	  }

	  _handleEmptyQuery(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected emptyQuery message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate emptyQuery to active query
	    activeQuery.handleEmptyQuery(this.connection);
	  }

	  _handleCommandComplete(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected commandComplete message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // delegate commandComplete to active query
	    activeQuery.handleCommandComplete(msg, this.connection);
	  }

	  _handleParseComplete() {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected parseComplete message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    // if a prepared statement has a name and properly parses
	    // we track that its already been executed so we don't parse
	    // it again on the same client
	    if (activeQuery.name) {
	      this.connection.parsedStatements[activeQuery.name] = activeQuery.text;
	      delete this.connection.submittedNamedStatements[activeQuery.name];
	    }
	  }

	  _handleCopyInResponse(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected copyInResponse message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    activeQuery.handleCopyInResponse(this.connection);
	  }

	  _handleCopyData(msg) {
	    const activeQuery = this._getActiveQuery();
	    if (activeQuery == null) {
	      const error = new Error('Received unexpected copyData message from backend.');
	      this._handleErrorEvent(error);
	      return
	    }
	    activeQuery.handleCopyData(msg, this.connection);
	  }

	  _handleNotification(msg) {
	    this.emit('notification', msg);
	  }

	  _handleNotice(msg) {
	    this.emit('notice', msg);
	  }

	  getStartupConf() {
	    const params = this.connectionParameters;

	    const data = {
	      user: params.user,
	      database: params.database,
	    };

	    const appName = params.application_name || params.fallback_application_name;
	    if (appName) {
	      data.application_name = appName;
	    }
	    if (params.replication) {
	      data.replication = '' + params.replication;
	    }
	    if (params.statement_timeout) {
	      data.statement_timeout = String(parseInt(params.statement_timeout, 10));
	    }
	    if (params.lock_timeout) {
	      data.lock_timeout = String(parseInt(params.lock_timeout, 10));
	    }
	    if (params.idle_in_transaction_session_timeout) {
	      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10));
	    }
	    if (params.options) {
	      data.options = params.options;
	    }

	    return data
	  }

	  cancel(client, query) {
	    if (client.activeQuery === query) {
	      const con = this.connection;

	      if (this.host && this.host.indexOf('/') === 0) {
	        con.connect(this.host + '/.s.PGSQL.' + this.port);
	      } else {
	        con.connect(this.port, this.host);
	      }

	      // once connection is established send cancel message
	      con.on('connect', function () {
	        con.cancel(client.processID, client.secretKey);
	      });
	    } else if (client._queryQueue.indexOf(query) !== -1) {
	      client._queryQueue.splice(client._queryQueue.indexOf(query), 1);
	    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
	      // Query already sent on wire — can't remove it without corrupting the
	      // pipeline. No-op the callback so the result is silently discarded.
	      query.callback = () => {};
	    }
	  }

	  setTypeParser(oid, format, parseFn) {
	    return this._types.setTypeParser(oid, format, parseFn)
	  }

	  getTypeParser(oid, format) {
	    return this._types.getTypeParser(oid, format)
	  }

	  // escapeIdentifier and escapeLiteral moved to utility functions & exported
	  // on PG
	  // re-exported here for backwards compatibility
	  escapeIdentifier(str) {
	    return utils.escapeIdentifier(str)
	  }

	  escapeLiteral(str) {
	    return utils.escapeLiteral(str)
	  }

	  _pulseQueryQueue() {
	    if (this.pipeline) {
	      this._pulsePipelinedQueryQueue();
	      return
	    }
	    if (this.readyForQuery === true) {
	      this._activeQuery = this._queryQueue.shift();
	      const activeQuery = this._getActiveQuery();
	      if (activeQuery) {
	        this.readyForQuery = false;
	        this.hasExecuted = true;

	        const queryError = activeQuery.submit(this.connection);
	        if (queryError) {
	          process.nextTick(() => {
	            activeQuery.handleError(queryError, this.connection);
	            this.readyForQuery = true;
	            this._pulseQueryQueue();
	          });
	        }
	      } else if (this.hasExecuted) {
	        this._activeQuery = null;
	        this.emit('drain');
	      }
	    }
	  }

	  _pulsePipelinedQueryQueue() {
	    if (!this._connected || !this._queryable) {
	      return
	    }
	    while (this._queryQueue.length > 0) {
	      const query = this._queryQueue.shift();
	      this.hasExecuted = true;
	      const queryError = query.submit(this.connection);
	      if (queryError) {
	        process.nextTick(() => {
	          query.handleError(queryError, this.connection);
	        });
	        continue
	      }
	      this._sentQueryQueue.push(query);
	    }
	    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
	      this._activeQuery = this._sentQueryQueue.shift();
	      this.readyForQuery = false;
	    }
	    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
	      this.emit('drain');
	    }
	  }

	  query(config, values, callback) {
	    // can take in strings, config object or query object
	    let query;
	    let result;

	    if (config == null) {
	      throw new TypeError('Client was passed a null or undefined query')
	    }

	    if (typeof config.submit === 'function') {
	      result = query = config;
	      if (!query.callback) {
	        if (typeof values === 'function') {
	          query.callback = values;
	        } else if (callback) {
	          query.callback = callback;
	        }
	      }
	    } else {
	      query = new Query(config, values, callback);
	      if (!query.callback) {
	        result = new this._Promise((resolve, reject) => {
	          query.callback = (err, res) => (err ? reject(err) : resolve(res));
	        }).catch((err) => {
	          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
	          // application that created the query
	          Error.captureStackTrace(err);
	          throw err
	        });
	      } else if (typeof query.callback !== 'function') {
	        throw new TypeError('callback is not a function')
	      }
	    }

	    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
	    if (readTimeout) {
	      const queryCallback = query.callback || (() => {});

	      const readTimeoutTimer = setTimeout(() => {
	        const error = new Error('Query read timeout');

	        process.nextTick(() => {
	          query.handleError(error, this.connection);
	        });

	        queryCallback(error);

	        // we already returned an error,
	        // just do nothing if query completes
	        query.callback = () => {};

	        // Remove from queue (only safe if not yet sent)
	        const index = this._queryQueue.indexOf(query);
	        if (index > -1) {
	          this._queryQueue.splice(index, 1);
	        } else if (this.pipeline) {
	          // Query already sent — the pipeline is blocked until it completes.
	          // Destroy the connection to unblock all remaining pipelined queries.
	          this.connection.stream.destroy();
	          return
	        }

	        this._pulseQueryQueue();
	      }, readTimeout);

	      query.callback = (err, res) => {
	        clearTimeout(readTimeoutTimer);
	        queryCallback(err, res);
	      };
	    }

	    if (this.binary && !query.binary) {
	      query.binary = true;
	    }

	    if (query._result && !query._result._types) {
	      query._result._types = this._types;
	    }

	    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
	    // queries written behind it are answered out of its portal, so rows land on the wrong query and
	    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
	    if (this.pipeline) {
	      const portalQuery =
	        typeof config.submit === 'function' && !(query instanceof Query)
	          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
	          : query.rows
	          ? 'The `rows` option is'
	          : null;
	      if (portalQuery) {
	        process.nextTick(() => {
	          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection);
	        });
	        return result
	      }
	    }

	    if (!this._queryable) {
	      process.nextTick(() => {
	        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection);
	      });
	      return result
	    }

	    if (this._ending) {
	      process.nextTick(() => {
	        query.handleError(new Error('Client was closed and is not queryable'), this.connection);
	      });
	      return result
	    }

	    if (this._queryQueue.length > 0 && !this.pipeline) {
	      queryQueueLengthDeprecationNotice();
	    }
	    this._queryQueue.push(query);
	    this._pulseQueryQueue();
	    return result
	  }

	  ref() {
	    this.connection.ref();
	  }

	  unref() {
	    this.connection.unref();
	  }

	  getTransactionStatus() {
	    return this._txStatus
	  }

	  end(cb) {
	    this._ending = true;

	    // if we have never connected, then end is a noop, callback immediately
	    if (!this.connection._connecting || this._ended) {
	      if (cb) {
	        cb();
	        return
	      } else {
	        return this._Promise.resolve()
	      }
	    }

	    if (!this._queryable) {
	      // socket is dead — force close
	      this.connection.stream.destroy();
	    } else if (
	      this.pipeline &&
	      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
	    ) {
	      // pipelined queries are already on the wire (or queued to send) and will
	      // complete normally; wait for drain then do a graceful goodbye
	      this.once('drain', () => this.connection.end());
	    } else if (this._getActiveQuery()) {
	      // non-pipeline: a hung query could block end forever — force disconnect
	      this.connection.stream.destroy();
	    } else {
	      this.connection.end();
	    }

	    if (cb) {
	      this.connection.once('end', cb);
	    } else {
	      return new this._Promise((resolve) => {
	        this.connection.once('end', resolve);
	      })
	    }
	  }
	  get queryQueue() {
	    queryQueueDeprecationNotice();
	    return this._queryQueue
	  }
	}

	// expose a Query constructor
	Client.Query = Query;

	client$1 = Client;
	return client$1;
}

var pgPool;
var hasRequiredPgPool;

function requirePgPool () {
	if (hasRequiredPgPool) return pgPool;
	hasRequiredPgPool = 1;
	const EventEmitter = require('events').EventEmitter;

	const NOOP = function () {};

	const removeWhere = (list, predicate) => {
	  const i = list.findIndex(predicate);

	  return i === -1 ? undefined : list.splice(i, 1)[0]
	};

	class IdleItem {
	  constructor(client, idleListener, timeoutId) {
	    this.client = client;
	    this.idleListener = idleListener;
	    this.timeoutId = timeoutId;
	  }
	}

	class PendingItem {
	  constructor(callback) {
	    this.callback = callback;
	  }
	}

	function throwOnDoubleRelease() {
	  throw new Error('Release called on client which has already been released to the pool.')
	}

	function promisify(Promise, callback) {
	  if (callback) {
	    return { callback: callback, result: undefined }
	  }
	  let rej;
	  let res;
	  const cb = function (err, client) {
	    err ? rej(err) : res(client);
	  };
	  const result = new Promise(function (resolve, reject) {
	    res = resolve;
	    rej = reject;
	  }).catch((err) => {
	    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
	    // application that created the query
	    Error.captureStackTrace(err);
	    throw err
	  });
	  return { callback: cb, result: result }
	}

	function makeIdleListener(pool, client) {
	  return function idleListener(err) {
	    err.client = client;

	    client.removeListener('error', idleListener);
	    client.on('error', () => {
	      pool.log('additional client error after disconnection due to error', err);
	    });
	    pool._remove(client);
	    // TODO - document that once the pool emits an error
	    // the client has already been closed & purged and is unusable
	    pool.emit('error', err, client);
	  }
	}

	class Pool extends EventEmitter {
	  constructor(options, Client) {
	    super();
	    this.options = Object.assign({}, options);

	    if (options != null && 'password' in options) {
	      // "hiding" the password so it doesn't show up in stack traces
	      // or if the client is console.logged
	      Object.defineProperty(this.options, 'password', {
	        configurable: true,
	        enumerable: false,
	        writable: true,
	        value: options.password,
	      });
	    }
	    if (options != null && options.ssl && options.ssl.key) {
	      // "hiding" the ssl->key so it doesn't show up in stack traces
	      // or if the client is console.logged
	      Object.defineProperty(this.options.ssl, 'key', {
	        enumerable: false,
	      });
	    }

	    this.options.max = this.options.max || this.options.poolSize || 10;
	    this.options.min = this.options.min || 0;
	    this.options.maxUses = this.options.maxUses || Infinity;
	    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false;
	    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0;
	    this.log = this.options.log || function () {};
	    this.Client = this.options.Client || Client || requireLib().Client;
	    this.Promise = this.options.Promise || commonjsGlobal.Promise;

	    if (typeof this.options.idleTimeoutMillis === 'undefined') {
	      this.options.idleTimeoutMillis = 10000;
	    }

	    this._clients = [];
	    this._idle = [];
	    this._expired = new WeakSet();
	    this._pendingQueue = [];
	    this._endCallback = undefined;
	    this.ending = false;
	    this.ended = false;
	  }

	  _promiseTry(f) {
	    const Promise = this.Promise;
	    if (typeof Promise.try === 'function') {
	      return Promise.try(f)
	    }
	    return new Promise((resolve) => resolve(f()))
	  }

	  _isFull() {
	    return this._clients.length >= this.options.max
	  }

	  _isAboveMin() {
	    return this._clients.length > this.options.min
	  }

	  _pulseQueue() {
	    this.log('pulse queue');
	    if (this.ended) {
	      this.log('pulse queue ended');
	      return
	    }
	    if (this.ending) {
	      this.log('pulse queue on ending');
	      if (this._idle.length) {
	        this._idle.slice().map((item) => {
	          this._remove(item.client);
	        });
	      }
	      if (!this._clients.length) {
	        this.ended = true;
	        this._endCallback();
	      }
	      return
	    }

	    // if we don't have any waiting, do nothing
	    if (!this._pendingQueue.length) {
	      this.log('no queued requests');
	      return
	    }
	    // if we don't have any idle clients and we have no more room do nothing
	    if (!this._idle.length && this._isFull()) {
	      return
	    }
	    const pendingItem = this._pendingQueue.shift();
	    if (this._idle.length) {
	      const idleItem = this._idle.pop();
	      clearTimeout(idleItem.timeoutId);
	      const client = idleItem.client;
	      client.ref && client.ref();
	      const idleListener = idleItem.idleListener;

	      return this._acquireClient(client, pendingItem, idleListener, false)
	    }
	    if (!this._isFull()) {
	      return this.newClient(pendingItem)
	    }
	    throw new Error('unexpected condition')
	  }

	  _remove(client, callback) {
	    const removed = removeWhere(this._idle, (item) => item.client === client);

	    if (removed !== undefined) {
	      clearTimeout(removed.timeoutId);
	    }

	    this._clients = this._clients.filter((c) => c !== client);
	    const context = this;
	    client.end(() => {
	      context.emit('remove', client);

	      if (typeof callback === 'function') {
	        callback();
	      }
	    });
	  }

	  connect(cb) {
	    if (this.ending) {
	      const err = new Error('Cannot use a pool after calling end on the pool');
	      return cb ? cb(err) : this.Promise.reject(err)
	    }

	    const response = promisify(this.Promise, cb);
	    const result = response.result;

	    // if we don't have to connect a new client, don't do so
	    if (this._isFull() || this._idle.length) {
	      // if we have idle clients schedule a pulse immediately
	      if (this._idle.length) {
	        process.nextTick(() => this._pulseQueue());
	      }

	      if (!this.options.connectionTimeoutMillis) {
	        this._pendingQueue.push(new PendingItem(response.callback));
	        return result
	      }

	      const queueCallback = (err, res, done) => {
	        clearTimeout(tid);
	        response.callback(err, res, done);
	      };

	      const pendingItem = new PendingItem(queueCallback);

	      // set connection timeout on checking out an existing client
	      const tid = setTimeout(() => {
	        // remove the callback from pending waiters because
	        // we're going to call it with a timeout error
	        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback);
	        pendingItem.timedOut = true;
	        response.callback(new Error('timeout exceeded when trying to connect'));
	      }, this.options.connectionTimeoutMillis);

	      if (tid.unref) {
	        tid.unref();
	      }

	      this._pendingQueue.push(pendingItem);
	      return result
	    }

	    this.newClient(new PendingItem(response.callback));

	    return result
	  }

	  newClient(pendingItem) {
	    const client = new this.Client(this.options);
	    this._clients.push(client);
	    const idleListener = makeIdleListener(this, client);

	    this.log('checking client timeout');

	    // connection timeout logic
	    let tid;
	    let timeoutHit = false;
	    if (this.options.connectionTimeoutMillis) {
	      tid = setTimeout(() => {
	        if (client.connection) {
	          this.log('ending client due to timeout');
	          timeoutHit = true;
	          client.connection.stream.destroy();
	        } else if (!client.isConnected()) {
	          this.log('ending client due to timeout');
	          timeoutHit = true;
	          // force kill the node driver, and let libpq do its teardown
	          client.end();
	        }
	      }, this.options.connectionTimeoutMillis);
	    }

	    this.log('connecting new client');
	    client.connect((err) => {
	      if (tid) {
	        clearTimeout(tid);
	      }
	      client.on('error', idleListener);
	      if (err) {
	        this.log('client failed to connect', err);
	        // remove the dead client from our list of clients
	        this._clients = this._clients.filter((c) => c !== client);
	        if (timeoutHit) {
	          err = new Error('Connection terminated due to connection timeout', { cause: err });
	        }

	        // this client won’t be released, so move on immediately
	        this._pulseQueue();

	        if (!pendingItem.timedOut) {
	          pendingItem.callback(err, undefined, NOOP);
	        }
	      } else {
	        this.log('new client connected');

	        if (this.options.onConnect) {
	          this._promiseTry(() => this.options.onConnect(client)).then(
	            () => {
	              this._afterConnect(client, pendingItem, idleListener);
	            },
	            (hookErr) => {
	              this._clients = this._clients.filter((c) => c !== client);
	              client.end(() => {
	                this._pulseQueue();
	                if (!pendingItem.timedOut) {
	                  pendingItem.callback(hookErr, undefined, NOOP);
	                }
	              });
	            }
	          );
	          return
	        }

	        return this._afterConnect(client, pendingItem, idleListener)
	      }
	    });
	  }

	  _afterConnect(client, pendingItem, idleListener) {
	    if (this.options.maxLifetimeSeconds !== 0) {
	      const maxLifetimeTimeout = setTimeout(() => {
	        this.log('ending client due to expired lifetime');
	        this._expired.add(client);
	        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client);
	        if (idleIndex !== -1) {
	          this._acquireClient(
	            client,
	            new PendingItem((err, client, clientRelease) => clientRelease()),
	            idleListener,
	            false
	          );
	        }
	      }, this.options.maxLifetimeSeconds * 1000);

	      maxLifetimeTimeout.unref();
	      client.once('end', () => clearTimeout(maxLifetimeTimeout));
	    }

	    return this._acquireClient(client, pendingItem, idleListener, true)
	  }

	  // acquire a client for a pending work item
	  _acquireClient(client, pendingItem, idleListener, isNew) {
	    if (isNew) {
	      this.emit('connect', client);
	    }

	    this.emit('acquire', client);

	    client.release = this._releaseOnce(client, idleListener);

	    client.removeListener('error', idleListener);

	    if (!pendingItem.timedOut) {
	      if (isNew && this.options.verify) {
	        this.options.verify(client, (err) => {
	          if (err) {
	            client.release(err);
	            return pendingItem.callback(err, undefined, NOOP)
	          }

	          pendingItem.callback(undefined, client, client.release);
	        });
	      } else {
	        pendingItem.callback(undefined, client, client.release);
	      }
	    } else {
	      if (isNew && this.options.verify) {
	        this.options.verify(client, client.release);
	      } else {
	        client.release();
	      }
	    }
	  }

	  // returns a function that wraps _release and throws if called more than once
	  _releaseOnce(client, idleListener) {
	    let released = false;

	    return (err) => {
	      if (released) {
	        throwOnDoubleRelease();
	      }

	      released = true;
	      this._release(client, idleListener, err);
	    }
	  }

	  // release a client back to the poll, include an error
	  // to remove it from the pool
	  _release(client, idleListener, err) {
	    client.on('error', idleListener);

	    client._poolUseCount = (client._poolUseCount || 0) + 1;

	    this.emit('release', err, client);

	    // TODO(bmc): expose a proper, public interface _queryable and _ending
	    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
	      if (client._poolUseCount >= this.options.maxUses) {
	        this.log('remove expended client');
	      }

	      return this._remove(client, this._pulseQueue.bind(this))
	    }

	    const isExpired = this._expired.has(client);
	    if (isExpired) {
	      this.log('remove expired client');
	      this._expired.delete(client);
	      return this._remove(client, this._pulseQueue.bind(this))
	    }

	    // idle timeout
	    let tid;
	    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
	      tid = setTimeout(() => {
	        if (this._isAboveMin()) {
	          this.log('remove idle client');
	          this._remove(client, this._pulseQueue.bind(this));
	        }
	      }, this.options.idleTimeoutMillis);

	      if (this.options.allowExitOnIdle) {
	        // allow Node to exit if this is all that's left
	        tid.unref();
	      }
	    }

	    if (this.options.allowExitOnIdle) {
	      client.unref();
	    }

	    this._idle.push(new IdleItem(client, idleListener, tid));
	    this._pulseQueue();
	  }

	  query(text, values, cb) {
	    // guard clause against passing a function as the first parameter
	    if (typeof text === 'function') {
	      const response = promisify(this.Promise, text);
	      setImmediate(function () {
	        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
	      });
	      return response.result
	    }

	    // allow plain text query without values, but callback
	    if (typeof values === 'function') {
	      cb = values;
	      values = undefined;
	    }
	    const response = promisify(this.Promise, cb);
	    cb = response.callback;

	    this.connect((err, client) => {
	      if (err) {
	        return cb(err)
	      }

	      let clientReleased = false;
	      const onError = (err) => {
	        if (clientReleased) {
	          return
	        }
	        clientReleased = true;
	        client.release(err);
	        cb(err);
	      };

	      client.once('error', onError);
	      this.log('dispatching query');
	      try {
	        client.query(text, values, (err, res) => {
	          this.log('query dispatched');
	          client.removeListener('error', onError);
	          if (clientReleased) {
	            return
	          }
	          clientReleased = true;
	          client.release(err);
	          if (err) {
	            return cb(err)
	          }
	          return cb(undefined, res)
	        });
	      } catch (err) {
	        client.release(err);
	        return cb(err)
	      }
	    });
	    return response.result
	  }

	  end(cb) {
	    this.log('ending');
	    if (this.ending) {
	      const err = new Error('Called end on pool more than once');
	      return cb ? cb(err) : this.Promise.reject(err)
	    }
	    this.ending = true;
	    const promised = promisify(this.Promise, cb);
	    this._endCallback = promised.callback;
	    this._pulseQueue();
	    return promised.result
	  }

	  get waitingCount() {
	    return this._pendingQueue.length
	  }

	  get idleCount() {
	    return this._idle.length
	  }

	  get expiredCount() {
	    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
	  }

	  get totalCount() {
	    return this._clients.length
	  }
	}
	pgPool = Pool;
	return pgPool;
}

var client = {exports: {}};

var query = {exports: {}};

var hasRequiredQuery;

function requireQuery () {
	if (hasRequiredQuery) return query.exports;
	hasRequiredQuery = 1;

	const EventEmitter = require('events').EventEmitter;
	const util = require('util');
	const utils = requireUtils$1();

	const NativeQuery = (query.exports = function (config, values, callback) {
	  EventEmitter.call(this);
	  config = utils.normalizeQueryConfig(config, values, callback);
	  this.text = config.text;
	  this.values = config.values;
	  this.name = config.name;
	  this.queryMode = config.queryMode;
	  this.callback = config.callback;
	  this.state = 'new';
	  this._arrayMode = config.rowMode === 'array';

	  // if the 'row' event is listened for
	  // then emit them as they come in
	  // without setting singleRowMode to true
	  // this has almost no meaning because libpq
	  // reads all rows into memory before returning any
	  this._emitRowEvents = false;
	  this.on(
	    'newListener',
	    function (event) {
	      if (event === 'row') this._emitRowEvents = true;
	    }.bind(this)
	  );
	});

	util.inherits(NativeQuery, EventEmitter);

	const errorFieldMap = {
	  sqlState: 'code',
	  statementPosition: 'position',
	  messagePrimary: 'message',
	  messageDetail: 'detail',
	  messageHint: 'hint',
	  context: 'where',
	  schemaName: 'schema',
	  tableName: 'table',
	  columnName: 'column',
	  dataTypeName: 'dataType',
	  constraintName: 'constraint',
	  sourceFile: 'file',
	  sourceLine: 'line',
	  sourceFunction: 'routine',
	};

	NativeQuery.prototype.handleError = function (err) {
	  // copy pq error fields into the error object
	  const fields = this.native && this.native.pq.resultErrorFields();
	  if (fields) {
	    for (const key in fields) {
	      const normalizedFieldName = errorFieldMap[key] || key;
	      err[normalizedFieldName] = fields[key];
	    }
	  }
	  if (this.callback) {
	    this.callback(err);
	  } else {
	    this.emit('error', err);
	  }
	  this.state = 'error';
	};

	NativeQuery.prototype.then = function (onSuccess, onFailure) {
	  return this._getPromise().then(onSuccess, onFailure)
	};

	NativeQuery.prototype.catch = function (callback) {
	  return this._getPromise().catch(callback)
	};

	NativeQuery.prototype._getPromise = function () {
	  if (this._promise) return this._promise
	  this._promise = new Promise(
	    function (resolve, reject) {
	      this._once('end', resolve);
	      this._once('error', reject);
	    }.bind(this)
	  );
	  return this._promise
	};

	NativeQuery.prototype.submit = function (client) {
	  this.state = 'running';
	  const self = this;
	  this.native = client.native;
	  client.native.arrayMode = this._arrayMode;

	  let after = function (err, rows, results) {
	    client.native.arrayMode = false;
	    setImmediate(function () {
	      self.emit('_done');
	    });

	    // handle possible query error
	    if (err) {
	      return self.handleError(err)
	    }

	    // emit row events for each row in the result
	    if (self._emitRowEvents) {
	      if (results.length > 1) {
	        rows.forEach((rowOfRows, i) => {
	          rowOfRows.forEach((row) => {
	            self.emit('row', row, results[i]);
	          });
	        });
	      } else {
	        rows.forEach(function (row) {
	          self.emit('row', row, results);
	        });
	      }
	    }

	    // handle successful result
	    self.state = 'end';
	    self.emit('end', results);
	    if (self.callback) {
	      self.callback(null, results);
	    }
	  };

	  if (process.domain) {
	    after = process.domain.bind(after);
	  }

	  // named query
	  if (this.name) {
	    if (this.name.length > 63) {
	      console.error('Warning! Postgres only supports 63 characters for query names.');
	      console.error('You supplied %s (%s)', this.name, this.name.length);
	      console.error('This can cause conflicts and silent errors executing queries');
	    }
	    const values = (this.values || []).map(utils.prepareValue);

	    // check if the client has already executed this named query
	    // if so...just execute it again - skip the planning phase
	    if (client.namedQueries[this.name] !== undefined) {
	      if (this.text && client.namedQueries[this.name] !== this.text) {
	        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
	        return after(err)
	      }
	      return client.native.execute(this.name, values, after)
	    }
	    // plan the named query the first time, then execute it
	    return client.native.prepare(this.name, this.text, values.length, function (err) {
	      if (err) return after(err)
	      client.namedQueries[self.name] = self.text;
	      return self.native.execute(self.name, values, after)
	    })
	  } else if (this.values) {
	    if (!Array.isArray(this.values)) {
	      const err = new Error('Query values must be an array');
	      return after(err)
	    }
	    const vals = this.values.map(utils.prepareValue);
	    client.native.query(this.text, vals, after);
	  } else if (this.queryMode === 'extended') {
	    client.native.query(this.text, [], after);
	  } else {
	    client.native.query(this.text, after);
	  }
	};
	return query.exports;
}

var hasRequiredClient;

function requireClient () {
	if (hasRequiredClient) return client.exports;
	hasRequiredClient = 1;
	const nodeUtils = require('util');
	// eslint-disable-next-line
	var Native;
	// eslint-disable-next-line no-useless-catch
	try {
	  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
	  Native = require('pg-native');
	} catch (e) {
	  throw e
	}
	const TypeOverrides = requireTypeOverrides();
	const EventEmitter = require('events').EventEmitter;
	const util = require('util');
	const ConnectionParameters = requireConnectionParameters();

	const NativeQuery = requireQuery();

	const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
	  () => {},
	  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
	);

	const Client = (client.exports = function (config) {
	  EventEmitter.call(this);
	  config = config || {};

	  this._Promise = config.Promise || commonjsGlobal.Promise;
	  this._types = new TypeOverrides(config.types);

	  this.native = new Native({
	    types: this._types,
	  });

	  this._queryQueue = [];
	  this._ending = false;
	  this._connecting = false;
	  this._connected = false;
	  this._queryable = true;
	  this.pipeline = Boolean(config.pipeline);
	  this._pipelineInFlight = false;

	  // keep these on the object for legacy reasons
	  // for the time being. TODO: deprecate all this jazz
	  const cp = (this.connectionParameters = new ConnectionParameters(config));
	  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString;
	  this.user = cp.user;

	  // "hiding" the password so it doesn't show up in stack traces
	  // or if the client is console.logged
	  Object.defineProperty(this, 'password', {
	    configurable: true,
	    enumerable: false,
	    writable: true,
	    value: cp.password,
	  });
	  this.database = cp.database;
	  this.host = cp.host;
	  this.port = cp.port;

	  // a hash to hold named queries
	  this.namedQueries = {};
	});

	Client.Query = NativeQuery;

	util.inherits(Client, EventEmitter);

	Client.prototype._errorAllQueries = function (err) {
	  const enqueueError = (query) => {
	    process.nextTick(() => {
	      query.native = this.native;
	      query.handleError(err);
	    });
	  };

	  if (this._hasActiveQuery()) {
	    enqueueError(this._activeQuery);
	    this._activeQuery = null;
	  }

	  this._queryQueue.forEach(enqueueError);
	  this._queryQueue.length = 0;
	};

	// connect to the backend
	// pass an optional callback to be called once connected
	// or with an error if there was a connection error
	Client.prototype._connect = function (cb) {
	  const self = this;

	  if (this._connecting) {
	    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')));
	    return
	  }

	  this._connecting = true;

	  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
	    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString;
	    if (err) return cb(err)
	    self.native.connect(conString, function (err) {
	      if (err) {
	        self.native.end();
	        return cb(err)
	      }

	      // set internal states to connected
	      self._connected = true;

	      // handle connection errors from the native layer
	      self.native.on('error', function (err) {
	        self._queryable = false;
	        self._errorAllQueries(err);
	        self.emit('error', err);
	      });

	      self.native.on('notification', function (msg) {
	        self.emit('notification', {
	          channel: msg.relname,
	          payload: msg.extra,
	        });
	      });

	      // signal we are connected now
	      self.emit('connect');
	      self._pulseQueryQueue(true);

	      cb(null, this);
	    });
	  });
	};

	Client.prototype.connect = function (callback) {
	  if (callback) {
	    this._connect(callback);
	    return
	  }

	  return new this._Promise((resolve, reject) => {
	    this._connect((error) => {
	      if (error) {
	        reject(error);
	      } else {
	        resolve(this);
	      }
	    });
	  })
	};

	// send a query to the server
	// this method is highly overloaded to take
	// 1) string query, optional array of parameters, optional function callback
	// 2) object query with {
	//    string query
	//    optional array values,
	//    optional function callback instead of as a separate parameter
	//    optional string name to name & cache the query plan
	//    optional string rowMode = 'array' for an array of results
	//  }
	Client.prototype.query = function (config, values, callback) {
	  let query;
	  let result;
	  let readTimeout;
	  let readTimeoutTimer;
	  let queryCallback;

	  if (config === null || config === undefined) {
	    throw new TypeError('Client was passed a null or undefined query')
	  } else if (typeof config.submit === 'function') {
	    readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
	    result = query = config;
	    // accept query(new Query(...), (err, res) => { }) style
	    if (typeof values === 'function') {
	      config.callback = values;
	    }
	  } else {
	    readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
	    query = new NativeQuery(config, values, callback);
	    if (!query.callback) {
	      let resolveOut, rejectOut;
	      result = new this._Promise((resolve, reject) => {
	        resolveOut = resolve;
	        rejectOut = reject;
	      }).catch((err) => {
	        Error.captureStackTrace(err);
	        throw err
	      });
	      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res));
	    }
	  }

	  if (readTimeout) {
	    queryCallback = query.callback || (() => {});

	    readTimeoutTimer = setTimeout(() => {
	      const error = new Error('Query read timeout');

	      process.nextTick(() => {
	        query.handleError(error, this.connection);
	      });

	      queryCallback(error);

	      // we already returned an error,
	      // just do nothing if query completes
	      query.callback = () => {};

	      // Remove from queue
	      const index = this._queryQueue.indexOf(query);
	      if (index > -1) {
	        this._queryQueue.splice(index, 1);
	      }

	      this._pulseQueryQueue();
	    }, readTimeout);

	    query.callback = (err, res) => {
	      clearTimeout(readTimeoutTimer);
	      queryCallback(err, res);
	    };
	  }

	  if (!this._queryable) {
	    query.native = this.native;
	    process.nextTick(() => {
	      query.handleError(new Error('Client has encountered a connection error and is not queryable'));
	    });
	    return result
	  }

	  if (this._ending) {
	    query.native = this.native;
	    process.nextTick(() => {
	      query.handleError(new Error('Client was closed and is not queryable'));
	    });
	    return result
	  }

	  if (this._queryQueue.length > 0 && !this.pipeline) {
	    queryQueueLengthDeprecationNotice();
	  }

	  this._queryQueue.push(query);
	  this._pulseQueryQueue();
	  return result
	};

	// disconnect from the backend server
	Client.prototype.end = function (cb) {
	  const self = this;

	  this._ending = true;

	  if (this._connecting && !this._connected) {
	    this.once('connect', () => {
	      this.end(() => {});
	    });
	  }
	  let result;
	  if (!cb) {
	    result = new this._Promise(function (resolve, reject) {
	      cb = (err) => (err ? reject(err) : resolve());
	    });
	  }

	  const doEnd = function () {
	    self.native.end(function () {
	      self._connected = false;

	      self._errorAllQueries(new Error('Connection terminated'));

	      process.nextTick(() => {
	        self.emit('end');
	        if (cb) cb();
	      });
	    });
	  };

	  // If pipeline has in-flight or queued queries, wait for them to drain before closing
	  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
	    this.once('drain', doEnd);
	  } else {
	    doEnd();
	  }
	  return result
	};

	Client.prototype._hasActiveQuery = function () {
	  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
	};

	Client.prototype._pulseQueryQueue = function (initialConnection) {
	  if (!this._connected) {
	    return
	  }
	  if (this.pipeline && !initialConnection) {
	    return this._pulsePipelinedQueryQueue()
	  }
	  if (this._hasActiveQuery()) {
	    return
	  }
	  const query = this._queryQueue.shift();
	  if (!query) {
	    if (!initialConnection) {
	      this.emit('drain');
	    }
	    return
	  }
	  this._activeQuery = query;
	  query.submit(this);
	  const self = this;
	  query.once('_done', function () {
	    self._pulseQueryQueue();
	  });
	};

	Client.prototype._pulsePipelinedQueryQueue = function () {
	  if (!this._connected || this._pipelineInFlight) {
	    return
	  }
	  if (this._queryQueue.length === 0) {
	    if (this.hasExecuted) {
	      this.emit('drain');
	    }
	    return
	  }

	  this._pipelineInFlight = true;
	  const self = this;
	  const queries = [];
	  const nativeQueries = [];
	  const utils = requireUtils$1();

	  while (this._queryQueue.length > 0) {
	    const query = this._queryQueue.shift();
	    this.hasExecuted = true;
	    nativeQueries.push(query);

	    const values = query.values ? query.values.map(utils.prepareValue) : null;
	    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode };
	    if (values) {
	      pipelineEntry.values = values;
	    }
	    if (query.name && this.namedQueries[query.name]) {
	      pipelineEntry._alreadyPrepared = true;
	    }
	    queries.push(pipelineEntry);
	  }

	  this.native.pipeline(queries, function (err, results) {
	    self._pipelineInFlight = false;

	    if (err) {
	      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
	      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
	      // non-pipelined native path both do. Without this the client looks healthy after losing its
	      // backend, a Pool never discards it, and everything routed to it fails one query at a time
	      // for the life of the process.
	      self._connected = false;
	      self._queryable = false;
	      for (let i = 0; i < nativeQueries.length; i++) {
	        const q = nativeQueries[i];
	        q.native = self.native;
	        q.handleError(err);
	      }
	      self._errorAllQueries(err);
	      self.emit('error', err);
	      self.emit('end');
	      return
	    }

	    // Deliver results to each query
	    for (let i = 0; i < nativeQueries.length; i++) {
	      const q = nativeQueries[i];
	      const r = results[i];
	      q.native = self.native;

	      if (r.err) {
	        q.handleError(r.err);
	      } else {
	        // Track named queries on success
	        if (q.name) {
	          self.namedQueries[q.name] = q.text;
	        }
	        q.state = 'end';
	        q.emit('end', r.result);
	        if (q.callback) {
	          q.callback(null, r.result);
	        }
	      }

	      setImmediate(function () {
	        q.emit('_done');
	      });
	    }

	    // Process any queries that arrived while we were reading
	    self._pulsePipelinedQueryQueue();
	  });
	};

	// attempt to cancel an in-progress query
	Client.prototype.cancel = function (query) {
	  if (this._activeQuery === query) {
	    this.native.cancel(function () {});
	  } else if (this._queryQueue.indexOf(query) !== -1) {
	    this._queryQueue.splice(this._queryQueue.indexOf(query), 1);
	  }
	};

	Client.prototype.ref = function () {};
	Client.prototype.unref = function () {};

	Client.prototype.setTypeParser = function (oid, format, parseFn) {
	  return this._types.setTypeParser(oid, format, parseFn)
	};

	Client.prototype.getTypeParser = function (oid, format) {
	  return this._types.getTypeParser(oid, format)
	};

	Client.prototype.isConnected = function () {
	  return this._connected
	};

	Client.prototype.getTransactionStatus = function () {
	  return this.native.getTransactionStatus()
	};
	return client.exports;
}

var native;
var hasRequiredNative;

function requireNative () {
	if (hasRequiredNative) return native;
	hasRequiredNative = 1;
	native = requireClient();
	return native;
}

var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib$1.exports;
	hasRequiredLib = 1;
	(function (module) {

		const Client = requireClient$1();
		const defaults = requireDefaults();
		const Connection = requireConnection();
		const Result = requireResult();
		const utils = requireUtils$1();
		const Pool = requirePgPool();
		const TypeOverrides = requireTypeOverrides();
		const { DatabaseError } = requireDist();
		const { escapeIdentifier, escapeLiteral } = requireUtils$1();

		const poolFactory = (Client) => {
		  return class BoundPool extends Pool {
		    constructor(options) {
		      super(options, Client);
		    }
		  }
		};

		const PG = function (clientConstructor) {
		  this.defaults = defaults;
		  this.Client = clientConstructor;
		  this.Query = this.Client.Query;
		  this.Pool = poolFactory(this.Client);
		  this._pools = [];
		  this.Connection = Connection;
		  this.types = requirePgTypes();
		  this.DatabaseError = DatabaseError;
		  this.TypeOverrides = TypeOverrides;
		  this.escapeIdentifier = escapeIdentifier;
		  this.escapeLiteral = escapeLiteral;
		  this.Result = Result;
		  this.utils = utils;
		};

		let clientConstructor = Client;

		let forceNative = false;
		try {
		  forceNative = !!process.env.NODE_PG_FORCE_NATIVE;
		} catch {
		  // ignore, e.g., Deno without --allow-env
		}

		if (forceNative) {
		  clientConstructor = requireNative();
		}

		module.exports = new PG(clientConstructor);

		// lazy require native module...the native module may not have installed
		Object.defineProperty(module.exports, 'native', {
		  configurable: true,
		  enumerable: false,
		  get() {
		    let native = null;
		    try {
		      native = new PG(requireNative());
		    } catch (err) {
		      if (err.code !== 'MODULE_NOT_FOUND') {
		        throw err
		      }
		    }

		    // overwrite module.exports.native so that getter is never called again
		    Object.defineProperty(module.exports, 'native', {
		      value: native,
		    });

		    return native
		  },
		}); 
	} (lib$1));
	return lib$1.exports;
}

var libExports = requireLib();
var pg = /*@__PURE__*/getDefaultExportFromCjs(libExports);

// ESM wrapper for pg

// Re-export all the properties
pg.Client;
pg.Pool;
pg.Connection;
pg.types;
pg.Query;
pg.DatabaseError;
pg.escapeIdentifier;
pg.escapeLiteral;
pg.Result;
pg.TypeOverrides;

// Also export the defaults
pg.defaults;

/** At most this many downs, and this many characters of SQL, per query. */
const BATCH_LIMITS = { downs: 1000, chars: 1024 * 1024 };
/** Consecutive batches covering `steps`; a down larger than the character cap gets a batch of its own. */
function batchesOf(steps, limits = BATCH_LIMITS) {
    const batches = [];
    let start = 0;
    let chars = 0;
    steps.forEach((step, i) => {
        const size = step.down.sql.length;
        if (i > start && (i - start >= limits.downs || chars + size > limits.chars)) {
            batches.push({ start, end: i });
            start = i;
            chars = 0;
        }
        chars += size;
    });
    if (start < steps.length)
        batches.push({ start, end: steps.length });
    return batches;
}
/** How a batch is named in messages. */
function describeBatch(steps, batch) {
    const first = steps[batch.start];
    const last = steps[batch.end - 1];
    const count = batch.end - batch.start;
    return count === 1
        ? `down migration ${migrationLabel(first)}`
        : `the ${count} down migrations ${migrationLabel(first)} to ${migrationLabel(last)} (one query)`;
}

// Postgres transport (input `database-url`): one transaction on one session — BEGIN with the lock and
// the re-check, the downs with their state rows in batches of many downs per query, the guard and the
// journal record, COMMIT — or ROLLBACK, and nothing changed. When a batch fails, locate-failure.ts
// finds the down and line with rehearsals on the same session.
async function connectPostgres(options) {
    const now = options.now ?? (() => performance.now());
    const limits = options.batchLimits ?? BATCH_LIMITS;
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'hasura-rollback' });
    // An idle-connection error after we are done must not crash the process.
    client.on('error', () => { });
    try {
        await client.connect();
    }
    catch (error) {
        throw new RollbackError(`Cannot connect to the database given in 'database-url': ${errorMessage(error)}`, { cause: error });
    }
    async function readState(query) {
        const { rows } = await client.query(query);
        return Object.values(rows[0] ?? {})[0] ?? undefined;
    }
    async function execute(steps, options) {
        const outcomes = notExecuted(steps);
        const { stopped, dataLoss } = await runTransaction(steps, outcomes, options);
        if (!stopped)
            return { steps: outcomes, committed: !options.dryRun, failure: undefined, dataLoss };
        markUndone(outcomes);
        const failure = await explain(steps, outcomes, options, stopped);
        const verdict = classifyError(stopped.error.message);
        const refused = verdict.kind === 'data-loss' ? parseDataLoss(verdict.counts) : undefined;
        return { steps: outcomes, committed: false, failure, dataLoss: dataLoss ?? refused };
    }
    /** The rollback's one transaction, ended by COMMIT (ROLLBACK in a dry run); where it stopped, if it did. */
    async function runTransaction(steps, outcomes, options) {
        let stage = 'begin';
        let batch;
        let dataLoss;
        try {
            dataLoss = await begin(options, true);
            stage = 'downs';
            for (batch of batchesOf(steps, limits)) {
                const started = now();
                await client.query(downsSql(steps.slice(batch.start, batch.end), options.state));
                // Postgres does not time the downs of one query apart: each gets its share of the batch.
                const share = (now() - started) / (batch.end - batch.start);
                for (const outcome of outcomes.slice(batch.start, batch.end)) {
                    outcome.status = options.dryRun ? 'rehearsed' : 'reverted';
                    outcome.durationMs = share;
                }
            }
            stage = 'after-downs';
            if (options.afterDowns)
                await client.query(options.afterDowns);
            stage = 'end';
            await client.query(options.dryRun ? 'ROLLBACK' : 'COMMIT');
            return { dataLoss };
        }
        catch (error) {
            // Leave no aborted transaction behind for the rehearsals; a failed COMMIT has ended it already.
            if (stage !== 'end')
                await client.query('ROLLBACK').catch(() => { });
            return { stopped: { error: error, stage, batch }, dataLoss };
        }
    }
    /**
     * BEGIN, the lock, the re-check of the planned versions' state and (when `measure`) what the downs
     * would destroy: one round trip. The measured counts, when measured.
     */
    async function begin(options, measure = false) {
        const targets = measure ? (options.dataLoss?.targets ?? []) : [];
        const loss = targets.length > 0 ? measureDataLossSql(targets, options.dataLoss.refuse) + READ_DATA_LOSS_SQL : '';
        const answer = await client.query(`BEGIN;\n${lockSql(options.lockTimeoutSeconds)}${options.state.recheck}${loss}`);
        if (!loss)
            return undefined;
        const results = (Array.isArray(answer) ? answer : [answer]);
        return parseDataLoss(results.at(-1)?.rows[0]?.counts);
    }
    async function explain(steps, outcomes, options, { error, stage, batch }) {
        if (stage === 'end')
            return options.dryRun ? connectionLost('the end of the rehearsal', error) : commitFailure(error);
        if (isConnectionLost(error)) {
            const what = batch ? describeBatch(steps, batch) : stage === 'begin' ? 'the lock' : 'the metadata guard';
            return connectionLost(what, error);
        }
        const verdict = classifyError(error.message);
        const marked = markedFailure(verdict, options);
        if (marked)
            return marked;
        if (stage === 'begin')
            return stateNotLocked(options.state.locks, error);
        if (stage === 'after-downs' || verdict.kind === 'after-downs')
            return guardFailure(error);
        const located = await locateFailure(steps, (k, partial) => rehearse(steps, k, partial, options));
        if (!located) {
            return {
                message: `${capitalized(describeBatch(steps, batch))} failed (${error.message}${sqlState(error)}), but not again when rehearsed: the cause was passing (a deadlock, a lock or statement timeout, a concurrent change). The transaction was rolled back: nothing was changed; run the rollback again`,
            };
        }
        markFailedAt(outcomes, located.index);
        return sqlFailure(steps[located.index], located.error, located.line);
    }
    /** The locator's question (see Rehearse), asked in a transaction that is always rolled back. */
    async function rehearse(steps, downs, partial, options) {
        try {
            await begin(options);
            for (const batch of batchesOf(steps.slice(0, downs), limits)) {
                await client.query(downsSql(steps.slice(batch.start, batch.end), options.state));
            }
            if (partial !== undefined)
                await client.query(partial);
            return undefined;
        }
        catch (error) {
            const pgError = error;
            if (isConnectionLost(pgError)) {
                throw new RollbackError(connectionLost('a rehearsal that locates the failing down', pgError).message);
            }
            return rehearsalError(pgError, options.lockTimeoutSeconds);
        }
        finally {
            await client.query('ROLLBACK').catch(() => { });
        }
    }
    return {
        kind: 'postgres',
        readState,
        execute,
        close: () => client.end().catch(() => { }),
    };
}
function commitFailure(error) {
    if (isConnectionLost(error)) {
        return {
            message: mayHaveCommitted(`The database connection was lost during COMMIT: ${error.message}${sqlState(error)}`),
            outcomeUnknown: true,
        };
    }
    // A deferred constraint or trigger refused the transaction: Postgres rolled it back.
    return {
        message: `COMMIT failed: ${error.message}${sqlState(error)}. The transaction was rolled back: nothing was changed`,
    };
}
const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

// Wiring only: inputs → rollback() → outputs, summary, annotations. The only place that reads the
// runner's environment and the only place that fails the step.
const actionsLog = {
    info: (line) => info(line),
    notice: (message) => notice(message),
    group: (name, fn) => group(name, fn),
};
/** Admin secrets may come from env, .env or config.yaml too: mask whichever was resolved. */
function maskConfigSecrets(config) {
    for (const secret of config.secrets)
        setSecret(secret);
    return config;
}
/** This workflow run and step: the same key on every attempt, so a re-run sees what an earlier one did. */
function runOf(env, request) {
    const { GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION, GITHUB_RUN_ATTEMPT } = env;
    if (!GITHUB_RUN_ID)
        return undefined;
    const key = [GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_ACTION, request.projectDir].join('/');
    return { key, attempt: Number(GITHUB_RUN_ATTEMPT) || 1 };
}
function maskInputSecrets(env) {
    for (const secret of secretsOfDatabaseUrl(getInput('database-url')))
        setSecret(secret);
    for (const secret of proxySecrets(env))
        setSecret(secret);
    for (const name of ['admin-secret', 'github-token']) {
        const secret = getInput(name);
        if (secret)
            setSecret(secret);
    }
}
async function run() {
    const env = process.env;
    const workspace = node_path.resolve(env.GITHUB_WORKSPACE || process.cwd());
    let request;
    try {
        maskInputSecrets(env);
        request = parseInputs((name) => getInput(name), workspace);
    }
    catch (error) {
        // Refused inputs get the same outputs, summary and failure line as any other failure.
        await publish(refusedResult(errorMessage(error)), { projectDir: '.' });
        return;
    }
    const projectDir = node_path.resolve(workspace, request.projectDir);
    // One client per run: it asks the server generation once.
    let client;
    const clientFor = (config) => (client ??= createHasuraClient(maskConfigSecrets(config), {
        log: (line) => debug(line),
        projectDir,
        timeoutMs: request.httpTimeoutSeconds * 1000,
        proxy: (url) => proxyFor(url, env),
    }));
    const result = await rollback(request, {
        files: workspaceFiles(projectDir),
        env,
        log: actionsLog,
        connect: async (config, database) => request.databaseUrl
            ? connectPostgres({ databaseUrl: request.databaseUrl })
            : connectHasura({ client: clientFor(config), source: database }),
        connectSource: async (config, database) => connectHasura({ client: clientFor(config), source: database }),
        metadataApi: clientFor,
        // Loaded when a ref is given: @actions/exec and child_process are not needed otherwise.
        git: async () => (await Promise.resolve().then(function () { return require('./git.js'); })).createGit(workspace, (line) => debug(line)),
        lastSuccessfulRun: async () => {
            const { lastSuccessfulRunSha, runContextFromEnv } = await Promise.resolve().then(function () { return require('./last-successful-run.js'); });
            return lastSuccessfulRunSha(request.githubToken, runContextFromEnv(env), request.workflow, {
                log: (line) => info(line),
            });
        },
        backupDir: env.RUNNER_TEMP || node_os.tmpdir(),
        run: runOf(env, request),
        now: () => new Date(),
    });
    await publish(result, { projectDir: request.projectDir });
}
async function publish(result, context) {
    const report = buildReport(result, context);
    for (const [name, value] of Object.entries(report.outputs))
        setOutput(name, value);
    for (const a of report.annotations)
        annotate(a);
    try {
        await summary.addRaw(report.summary).write();
    }
    catch (error) {
        warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
    // The failure is emitted once, on its file and line when it has them (setFailed cannot place it).
    if (report.failure) {
        annotate(report.failure);
        process.exitCode = ExitCode.Failure;
    }
}
function annotate(a) {
    const properties = { file: a.file, startLine: a.line };
    if (a.level === 'error')
        error(a.message, properties);
    else if (a.level === 'warning')
        warning(a.message, properties);
    else
        notice(a.message, properties);
}

// run() reports every failure it foresees; this is the last resort for one it does not: still one
// line, and the step fails.
run().catch((error) => setFailed(`Unexpected error: ${errorMessage(error)}`));

exports.DEFAULT_FILE_SIZE_LIMITS = DEFAULT_FILE_SIZE_LIMITS;
exports.RollbackError = RollbackError;
exports.V2_DATABASE = V2_DATABASE;
exports.checkFileSize = checkFileSize;
exports.commonjsGlobal = commonjsGlobal;
exports.distExports = distExports;
exports.errorMessage = errorMessage;
exports.formatName = formatName;
exports.isRecord = isRecord;
exports.isTlsCode = isTlsCode;
exports.loadProjectConfig = loadProjectConfig;
exports.proxyFor = proxyFor;
exports.qualifiedName = qualifiedName;
exports.scanDatabaseMigrations = scanDatabaseMigrations;
exports.scanMigrations = scanMigrations;
exports.shownProxy = shownProxy;
