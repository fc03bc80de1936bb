-- Attaches Hotpath's language server to the current buffer the way a Neovim user's config
-- does, waits for its diagnostics, and writes them to stdout as one JSON line.
-- Neovim 0.7 has no vim.lsp.start, so the client is started and attached by hand.
-- Environment: HOTPATH_SERVER (path of dist/server.js), HOTPATH_ROOT (workspace folder),
-- HOTPATH_TIMEOUT_MS (how long to wait). Exits with status 2 when no diagnostics came.

local server = assert(os.getenv('HOTPATH_SERVER'), 'HOTPATH_SERVER is not set')
local root = assert(os.getenv('HOTPATH_ROOT'), 'HOTPATH_ROOT is not set')
local timeout = tonumber(os.getenv('HOTPATH_TIMEOUT_MS') or '15000')

local client_id = vim.lsp.start_client({
  name = 'hotpath',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  settings = { hotpath = {} },
})
if client_id == nil then
  io.stderr:write('could not start the language server\n')
  vim.cmd('cquit 3')
end
vim.lsp.buf_attach_client(0, client_id)

local arrived = vim.wait(timeout, function()
  return #vim.diagnostic.get(0) > 0
end, 50)

local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(found, {
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
    severity = d.severity,
    source = d.source,
    code = d.code or lsp.code,
    message = d.message,
  })
end
io.stdout:write(vim.fn.json_encode({ file = vim.api.nvim_buf_get_name(0), diagnostics = found }) .. '\n')

-- Stop the server the polite way (shutdown, exit) and wait until it is gone, so no server outlives
-- the editor.
vim.lsp.stop_client(client_id)
vim.wait(5000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
if arrived then
  vim.cmd('qall!')
else
  vim.cmd('cquit 2')
end
