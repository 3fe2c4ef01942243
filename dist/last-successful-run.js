'use strict';

var index = require('./index.js');
require('os');
require('crypto');
require('fs');
require('node:os');
require('node:path');
require('node:fs');
require('node:crypto');

// `ref: last-successful-run`: the head commit of the newest successful run of the current workflow on
// the current branch, read from the GitHub REST API. Two GET endpoints over plain fetch: @actions/github
// would add ~200 KB to the bundle and reads the runner's environment as soon as it is imported.
const selector = 'ref: last-successful-run';
const defaultApiUrl = 'https://api.github.com';
// The current run is the only one to skip (it shows up as successful while a successful run is
// re-run), so two would do; a few more leave room for runs of forks' branches of the same name.
const runsPerPage = 10;
const maxPages = 10;
function runContextFromEnv(env) {
    const required = (name) => {
        const value = env[name]?.trim();
        if (!value) {
            throw new index.RollbackError(`${selector} needs ${name}, which GitHub Actions sets; outside GitHub Actions give a commit, tag or branch as ref`);
        }
        return value;
    };
    const repository = required('GITHUB_REPOSITORY');
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
        throw new index.RollbackError(`${selector}: GITHUB_REPOSITORY '${repository}' is not owner/name`);
    }
    const runIdText = required('GITHUB_RUN_ID');
    const runId = Number(runIdText);
    if (!/^\d+$/.test(runIdText) || !Number.isSafeInteger(runId) || runId <= 0) {
        throw new index.RollbackError(`${selector}: GITHUB_RUN_ID '${runIdText}' is not a run id`);
    }
    const branch = env['GITHUB_HEAD_REF']?.trim() || required('GITHUB_REF_NAME');
    const workflowRef = env['GITHUB_WORKFLOW_REF']?.trim() || undefined;
    return {
        apiUrl: (env['GITHUB_API_URL']?.trim() || defaultApiUrl).replace(/\/+$/, ''),
        repository,
        runId,
        branch,
        ...(workflowRef === undefined ? {} : { workflowRef }),
    };
}
/** Head SHA of the newest successful run of this run's workflow on this branch, this run excluded. */
async function lastSuccessfulRunSha(token, context, options = {}) {
    if (!token.trim()) {
        throw new index.RollbackError(`${selector} needs a token: input 'github-token' is empty (its default is github.token)`);
    }
    const api = githubApi(token, context, options.fetch ?? fetch);
    const repoPath = `/repos/${context.repository}`;
    const current = asObject(await api.get(`${repoPath}/actions/runs/${context.runId}`));
    const workflowId = current['workflow_id'];
    if (typeof workflowId !== 'number') {
        throw new index.RollbackError(`${selector}: the GitHub API gave no workflow_id for run ${context.runId}`);
    }
    const workflow = workflowLabel(current['path'], context.workflowRef, workflowId);
    for (let page = 1; page <= maxPages; page++) {
        const query = new URLSearchParams({
            branch: context.branch,
            status: 'success',
            exclude_pull_requests: 'true',
            per_page: String(runsPerPage),
            ...(page > 1 ? { page: String(page) } : {}),
        });
        const listed = asObject(await api.get(`${repoPath}/actions/workflows/${workflowId}/runs?${query}`));
        const runs = Array.isArray(listed['workflow_runs']) ? listed['workflow_runs'].map(asObject) : [];
        // Newest first, as GitHub lists them.
        const found = runs.find((run) => run['id'] !== context.runId && isOwnRepository(run, context.repository));
        if (found)
            return toResult(found);
        if (runs.length < runsPerPage)
            break;
    }
    throw new index.RollbackError(`${selector} found no successful run of workflow ${workflow} on branch ${context.branch}; give a ref instead`);
}
function githubApi(token, context, fetchImpl) {
    // Nothing derived from a response may carry the token into a message.
    const redact = (text) => text.split(token).join('***');
    return {
        async get(path) {
            const endpoint = `GET ${path.replace(/\?.*/, '')}`;
            let response;
            try {
                response = await fetchImpl(`${context.apiUrl}${path}`, {
                    headers: {
                        Accept: 'application/vnd.github+json',
                        Authorization: `Bearer ${token}`,
                        'User-Agent': 'hasura-rollback',
                        'X-GitHub-Api-Version': '2022-11-28',
                    },
                });
            }
            catch (error) {
                const reason = error instanceof Error ? redact(error.message) : 'network error';
                throw new index.RollbackError(`${selector}: could not reach the GitHub API at ${context.apiUrl} (${reason})`, {
                    cause: error,
                });
            }
            const text = await response.text();
            const body = parseJson(text);
            if (response.ok)
                return body;
            const apiMessage = redact(index.isRecord(body) && typeof body['message'] === 'string'
                ? body['message']
                : text.trim().slice(0, 200) || response.statusText);
            throw apiError(response, apiMessage, endpoint, context.repository);
        },
    };
}
function apiError(response, apiMessage, endpoint, repository) {
    const status = `${response.status} ${apiMessage}`;
    const rateLimited = response.headers.get('x-ratelimit-remaining') === '0' ||
        /rate limit/i.test(apiMessage) ||
        response.status === 429;
    if (rateLimited) {
        return new index.RollbackError(`${selector}: GitHub API rate limit reached (${status}); retry later or give a ref`);
    }
    if (response.status === 401) {
        return new index.RollbackError(`${selector}: GitHub rejected the token in input 'github-token' (${status})`);
    }
    if (response.status === 403 || response.status === 404) {
        // Without actions: read GitHub answers 403, or 404 for a private repository.
        return new index.RollbackError(`${selector} cannot read the workflow runs of ${repository} (${status}): the token in input 'github-token' needs actions: read; add \`permissions: actions: read\` to the job`);
    }
    return new index.RollbackError(`${selector}: GitHub API ${endpoint} failed (${status})`);
}
function toResult(run) {
    const sha = run['head_sha'];
    const runId = run['id'];
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha) || typeof runId !== 'number') {
        throw new index.RollbackError(`${selector}: the GitHub API gave a run without a head SHA (run ${String(runId)})`);
    }
    const htmlUrl = run['html_url'];
    return { sha, runId, runUrl: typeof htmlUrl === 'string' ? htmlUrl : '' };
}
/** Runs of pull requests from forks carry the fork's branch name, and their commits are not ours. */
function isOwnRepository(run, repository) {
    const head = run['head_repository'];
    if (typeof head !== 'object' || head === null)
        return true;
    const fullName = head['full_name'];
    return typeof fullName !== 'string' || fullName.toLowerCase() === repository.toLowerCase();
}
function workflowLabel(path, workflowRef, workflowId) {
    if (typeof path === 'string' && path)
        return path;
    // owner/repo/.github/workflows/deploy.yml@refs/heads/main → .github/workflows/deploy.yml
    const fromRef = workflowRef?.replace(/@.*$/, '').split('/').slice(2).join('/');
    return fromRef || `#${workflowId}`;
}
function asObject(value) {
    return index.isRecord(value) ? value : {};
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

exports.lastSuccessfulRunSha = lastSuccessfulRunSha;
exports.runContextFromEnv = runContextFromEnv;
