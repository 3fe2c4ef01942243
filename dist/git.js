'use strict';

var node_path = require('node:path');
var index = require('./index.js');
var string_decoder = require('string_decoder');
var os = require('os');
var events = require('events');
var child = require('child_process');
var path = require('path');
var fs = require('fs');
var timers = require('timers');
require('crypto');
require('node:os');
require('node:fs');
require('node:timers/promises');
require('node:crypto');

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
var events__namespace = /*#__PURE__*/_interopNamespaceDefault(events);
var child__namespace = /*#__PURE__*/_interopNamespaceDefault(child);
var path__namespace = /*#__PURE__*/_interopNamespaceDefault(path);
var fs__namespace = /*#__PURE__*/_interopNamespaceDefault(fs);

var __awaiter$3 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__namespace.promises;
// export const {open} = 'fs'
const IS_WINDOWS$1 = process.platform === 'win32';
fs__namespace.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter$3(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS$1) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter$3(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS$1) {
                // on Windows, test for valid extension
                const upperExt = path__namespace.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS$1) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__namespace.dirname(filePath);
                        const upperName = path__namespace.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__namespace.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS$1) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}

var __awaiter$2 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS$1) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS$1 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path__namespace.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path__namespace.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path__namespace.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(path__namespace.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events__namespace.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os__namespace.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os__namespace.EOL.length);
                n = s.indexOf(os__namespace.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter$1(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path__namespace.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter$1(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os__namespace.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child__namespace.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends events__namespace.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = timers.setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}

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
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new string_decoder.StringDecoder('utf8');
        const stderrDecoder = new string_decoder.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}

// The one place git runs: the binary from PATH, arguments as an array (never a shell), the exit code
// returned rather than thrown, and one log line per command.
function gitRunner(workspace, log) {
    return async (args, options = {}) => {
        log(`git ${args.map(quoteForLog).join(' ')}`);
        const chunks = [];
        const output = await getExecOutput('git', args, {
            cwd: workspace,
            silent: true,
            ignoreReturnCode: true,
            input: options.input,
            listeners: options.bytes ? { stdout: (data) => chunks.push(data) } : {},
        });
        return { ...output, stdoutBytes: Buffer.concat(chunks) };
    };
}
/** The line of git's stderr that says what went wrong, for a one-line message. */
function gitFailure(stderr) {
    const lines = stderr
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const fatal = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1);
    return fatal ? `git: ${fatal}` : 'git failed without a message';
}
function quoteForLog(arg) {
    return /^[\w@%+=:,./^{}~-]+$/.test(arg) ? arg : JSON.stringify(arg);
}

// ProjectFiles read from a git commit with ls-tree and cat-file: nothing is checked out, so the
// workspace, index and HEAD stay as they are. One ls-tree per listed directory (cached); reads that
// arrive together share one ls-tree lookup and one `cat-file --batch`. `ls-tree --long` gives each
// blob's size, so a huge file is refused before cat-file loads it into memory.
// Symlinks (120000) and submodules (160000) are not files of the project.
const regularFileModes = new Set(['100644', '100755']);
// Keeps each command line far below the OS argument limit.
const maxPathsPerCommand = 500;
/** `prefix` is the project directory from the repository top level, '' for the top level itself. */
function gitTreeFiles(runGit, sha, prefix, limits = index.DEFAULT_FILE_SIZE_LIMITS) {
    const origin = `commit ${sha.slice(0, 7)}`;
    const listings = new Map();
    async function lsTree(args) {
        // Literal pathspecs: a file named `*.yaml` must not match every YAML file.
        const result = await runGit(['--literal-pathspecs', 'ls-tree', '-z', '--long', '--full-tree', ...args]);
        if (result.exitCode !== 0) {
            throw new index.RollbackError(`cannot read the files of ${origin}: ${gitFailure(result.stderr)}`);
        }
        return parseLsTree(result.stdout);
    }
    /** The path from the repository top level, or undefined when it leaves the project directory. */
    function repositoryPath(path) {
        const full = node_path.posix.normalize(node_path.posix.join(prefix, path)).replace(/\/$/, '');
        if (full === '.')
            return prefix === '' ? '' : undefined;
        if (prefix === '' || full === prefix)
            return full.startsWith('../') || full === '..' ? undefined : full;
        return full.startsWith(`${prefix}/`) ? full : undefined;
    }
    function projectPath(full) {
        return prefix === '' ? full : full.slice(prefix.length + 1);
    }
    function listing(fullDir) {
        let entries = listings.get(fullDir);
        if (!entries) {
            // The trailing slash matches a directory only: listing a file gives [], as on disk.
            entries = lsTree(['-r', sha, '--', ...(fullDir === '' ? [] : [`${fullDir}/`])]);
            listings.set(fullDir, entries);
        }
        return entries;
    }
    const lookUpEntry = batched(async (paths) => {
        const found = new Map();
        for (const chunk of chunks(paths, maxPathsPerCommand)) {
            for (const [path, entry] of await lsTree([sha, '--', ...chunk]))
                found.set(path, entry);
        }
        return found;
    });
    const readBlob = batched(async (oids) => {
        const result = await runGit(['cat-file', '--batch'], {
            input: Buffer.from(oids.map((oid) => `${oid}\n`).join('')),
            bytes: true,
        });
        if (result.exitCode !== 0) {
            throw new index.RollbackError(`cannot read the files of ${origin}: ${gitFailure(result.stderr)}`);
        }
        return parseCatFileBatch(result.stdoutBytes);
    });
    async function entryAt(full) {
        // A directory listed already answers without another command.
        for (const [dir, entries] of listings) {
            if (dir === '' || full.startsWith(`${dir}/`))
                return (await entries).get(full);
        }
        return lookUpEntry(full);
    }
    return {
        origin,
        async listFiles(dir) {
            const fullDir = repositoryPath(dir);
            if (fullDir === undefined)
                return [];
            const files = [];
            for (const [full, entry] of await listing(fullDir)) {
                if (regularFileModes.has(entry.mode))
                    files.push(projectPath(full));
            }
            return files.sort();
        },
        async readText(path) {
            const full = repositoryPath(path);
            if (!full)
                return undefined;
            const entry = await entryAt(full);
            if (!entry || entry.type !== 'blob' || !regularFileModes.has(entry.mode))
                return undefined;
            index.checkFileSize(path, entry.size, { origin, limits });
            const text = await readBlob(entry.oid);
            if (text === undefined)
                throw new index.RollbackError(`cannot read ${path} at ${origin}: git object ${entry.oid} is missing`);
            return text;
        },
    };
}
function parseLsTree(stdout) {
    const entries = new Map();
    for (const record of stdout.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0)
            continue;
        // `<mode> <type> <oid> <size>`, the size right-aligned with spaces.
        const [mode = '', type = '', oid = '', size = ''] = record.slice(0, tab).split(' ').filter(Boolean);
        entries.set(record.slice(tab + 1), { mode, type, oid, size: Number(size) });
    }
    return entries;
}
/** `cat-file --batch` output: per object `<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`. */
function parseCatFileBatch(output) {
    const texts = new Map();
    let offset = 0;
    while (offset < output.length) {
        const endOfHeader = output.indexOf(0x0a, offset);
        if (endOfHeader < 0)
            break;
        const [oid = '', type = '', size = ''] = output.toString('utf8', offset, endOfHeader).split(' ');
        offset = endOfHeader + 1;
        if (type === 'missing' || size === '')
            continue;
        const end = offset + Number(size);
        texts.set(oid, output.toString('utf8', offset, end));
        offset = end + 1;
    }
    return texts;
}
/**
 * Collects the keys asked for until the event loop turns (callers awaiting together, as with
 * Promise.all), then loads them with one call.
 */
function batched(loadMany) {
    let pending;
    return (key) => {
        if (!pending) {
            const keys = new Set();
            const loaded = new Promise((resolve) => setImmediate(resolve)).then(() => {
                pending = undefined;
                return loadMany([...keys]);
            });
            pending = { keys, loaded };
        }
        pending.keys.add(key);
        return pending.loaded.then((values) => values.get(key));
    };
}
function chunks(items, size) {
    const result = [];
    for (let start = 0; start < items.length; start += size)
        result.push(items.slice(start, start + size));
    return result;
}

// Git adapter: resolves the stable ref (fetching it into a shallow clone when missing) and reads a
// project's files at a commit without touching the workspace, the index or HEAD. Every command goes
// through one `runGit(args)` (git-run.ts): the git binary, arguments as an array, never a shell.
const fullShaPattern = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const shortShaPattern = /^[0-9a-f]{4,39}$/;
async function createGit(workspace, log = () => { }) {
    const runGit = gitRunner(workspace, log);
    const workspacePrefix = await repositoryPrefix(runGit, workspace);
    let shallow;
    async function revParseCommit(rev) {
        const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
        const sha = result.stdout.trim();
        return result.exitCode === 0 && fullShaPattern.test(sha) ? sha : undefined;
    }
    async function isShallow() {
        shallow ??= runGit(['rev-parse', '--is-shallow-repository']).then((r) => r.stdout.trim() === 'true');
        return shallow;
    }
    return {
        async resolveCommit(ref) {
            assertSafeRef(ref);
            const local = await revParseCommit(ref);
            if (local)
                return local;
            if (isRefName(ref)) {
                // A branch that actions/checkout fetched but did not create locally.
                const remote = await revParseCommit(`refs/remotes/origin/${ref}`);
                if (remote)
                    return remote;
            }
            const shallowClone = await isShallow();
            const depthHint = shallowClone
                ? '; the clone is shallow: set fetch-depth: 0 on actions/checkout to fetch the full history'
                : '';
            // `v1.2^{commit}`: fetch `v1.2`, then peel what was fetched.
            const [, name = ref, peel = ''] = /^(.+?)((?:\^\{\w*\}|\^0)*)$/.exec(ref) ?? [];
            if (!isRefName(name) && !fullShaPattern.test(name)) {
                // Expressions like HEAD~1 cannot be asked of a remote: only whole refs and SHAs.
                throw new index.RollbackError(`ref '${ref}' was not found locally (only a branch, a tag or a full SHA can be fetched from origin)${depthHint}`);
            }
            // --depth on a full clone would truncate its history: only keep a shallow clone shallow.
            const depth = shallowClone ? ['--depth=1'] : [];
            const fetchArgs = ['fetch', '--no-tags', '--no-recurse-submodules', '--no-auto-maintenance', ...depth];
            const fetched = await runGit([...fetchArgs, '--end-of-options', 'origin', name]);
            const sha = fetched.exitCode === 0 ? await revParseCommit(`FETCH_HEAD${peel}`) : undefined;
            if (sha)
                return sha;
            throw new index.RollbackError(`ref '${ref}' was not found locally or on origin (${fetchFailure(name, fetched)})${depthHint}`);
        },
        async commitSubject(sha) {
            assertFullSha(sha);
            const result = await runGit([
                'log',
                '-1',
                '--no-show-signature',
                '--format=%s',
                '--end-of-options',
                sha,
                '--',
            ]);
            if (result.exitCode !== 0) {
                throw new index.RollbackError(`cannot read commit ${sha}: ${gitFailure(result.stderr)}`);
            }
            return result.stdout.trim();
        },
        filesAt(sha, projectDir) {
            assertFullSha(sha);
            return gitTreeFiles(runGit, sha, projectPrefix(workspacePrefix, projectDir));
        },
    };
}
// Callers pass what resolveCommit returned; anything else is a bug, not a user error.
function assertFullSha(sha) {
    if (!fullShaPattern.test(sha))
        throw new Error(`expected a full commit SHA, got ${JSON.stringify(sha)}`);
}
/** Where the workspace sits inside its repository ('' at the top level, else 'dir/'). */
async function repositoryPrefix(runGit, workspace) {
    let result;
    try {
        result = await runGit(['rev-parse', '--show-prefix']);
    }
    catch (error) {
        // @actions/exec throws when git is not on PATH or the directory does not exist.
        throw new index.RollbackError(`cannot run git in '${workspace}': ${index.errorMessage(error)}`, { cause: error });
    }
    if (result.exitCode !== 0) {
        throw new index.RollbackError(`'${workspace}' is not a git repository (${gitFailure(result.stderr)}); check it out with actions/checkout (git must be on PATH)`);
    }
    return result.stdout.trim();
}
function fetchFailure(name, fetched) {
    if (fetched.exitCode === 0)
        return 'origin has it, but it is not a commit';
    // Origin is asked for a branch or tag of that name, which is rarely what a hex string means.
    if (shortShaPattern.test(name))
        return 'a short SHA cannot be fetched: give the full SHA';
    return gitFailure(fetched.stderr);
}
/** The project directory relative to the repository top level ('' for the top level itself). */
function projectPrefix(workspacePrefix, projectDir) {
    const normalized = node_path.posix.normalize(node_path.posix.join(workspacePrefix, projectDir.replaceAll('\\', '/')));
    if (node_path.posix.isAbsolute(projectDir) || normalized === '..' || normalized.startsWith('../')) {
        throw new index.RollbackError(`project-dir '${projectDir}' is outside the git repository of the workspace`);
    }
    return normalized === '.' ? '' : normalized.replace(/\/$/, '');
}
/**
 * Refuses what could be read as an option or a range before any command runs: the ref reaches git as
 * an argument, and `--end-of-options` is the second line of defence, not the only one.
 */
function assertSafeRef(ref) {
    const shown = JSON.stringify(ref);
    const refuse = (why) => {
        throw new index.RollbackError(`input 'ref' ${shown} ${why}; give a branch, a tag or a commit SHA`);
    };
    if (ref === '')
        refuse('is empty');
    if (ref.startsWith('-'))
        refuse('starts with "-" and would be read as a git option');
    if (hasControlCharacter(ref))
        refuse('contains a control character');
    if (/\s/.test(ref))
        refuse('contains whitespace');
    if (ref.includes('..') || ref.startsWith('^') || /\^[!@-]/.test(ref))
        refuse('is a range, not a single commit');
}
function hasControlCharacter(text) {
    return [...text].some((char) => char.charCodeAt(0) < 0x20 || char === '\x7f');
}
/** A whole ref name as `git check-ref-format --allow-onelevel` accepts it (so it can be fetched). */
function isRefName(ref) {
    if (ref === '@' || ref.includes('..') || ref.includes('@{') || ref.includes('//'))
        return false;
    if (hasControlCharacter(ref) || /[\s~^:?*[\\]/.test(ref))
        return false;
    if (ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.'))
        return false;
    return ref.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}

exports.assertSafeRef = assertSafeRef;
exports.createGit = createGit;
exports.isRefName = isRefName;
