#!/usr/bin/env python3
"""Mutation run over the rulebook (issue 10): each mutant changes one thing in rules/ by one step and
the casebase must notice (case verify fails). Reports the kill rate and every surviving mutant.

    tests/mutation/mutate.py [--bin build/bin/regelwerk] [--rules rules] [--cases casebase]
                             [--only SUBSTRING] [--max N] [--jobs 2] [--out report.txt]
                             [--survivors-of last-run.txt]   # only the mutants that survived that run

Mutation operators (text level, one change per mutant):
  value   a parameter value one step off: a number +1, an amount +/- 0.01, a duration +1 unit
  date    a 'vanaf' date of a parameter version or table version one day later
  row     a table row's amount + 0.01
  cmp     a comparison made strict or lax (<= <-> <, >= <-> >) in a rule or fact
  logic   'en' <-> 'of' in a rule or fact condition
  item    one element dropped from a list value ({"AT", "BE", ...})
  extra   a copy of a rule under a new id (`regel x` -> also `regel x_extra`, any `geval` kept): every
          finding of x comes with one more. Only a case with `exactly: true` notices (issue 10).
A mutant whose rules no longer check (rules check fails) is not counted.
"""
import argparse, concurrent.futures, datetime, os, re, shutil, subprocess, sys, tempfile

def rule_files(root):
    out = []
    for d, _, fs in os.walk(root):
        out += [os.path.join(d, f) for f in fs if f.endswith('.rw')]
    return sorted(out)

NUM = re.compile(r'^(\s+)(€ ?)?(\d+(?:\.\d+)?)( (?:dagen|dag|weken|week|maanden|maand|jaren|jaar))?( vanaf )')
DATE = re.compile(r'vanaf (\d{4}-\d{2}-\d{2})')
ROW = re.compile(r'^(\s+\S+ => € ?)(\d+\.\d{2})')
CMP = re.compile(r'(?<![=<>!])(<=|>=|<|>)(?![=>])')
LOGIC = re.compile(r' (en|of) ')
ITEM = re.compile(r'"[^"]*"(, )?')

def mutants(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    in_rule = False
    for i, line in enumerate(lines):
        s = line.lstrip()
        if s.startswith(('regel ', 'feit ', 'hulpfeit ')): in_rule = True
        elif s.startswith(('parameter ', 'tabel ', 'bron ')): in_rule = False
        if s.startswith('#') or s.startswith(('melding ', 'advies ', 'artikel ', 'bron ', 'onzeker')): continue
        m = NUM.match(line)
        if m and not in_rule:
            num = m.group(3)
            step = '0.01' if m.group(2) else ('0.01' if '.' in num and len(num.split('.')[1]) == 2 else '1')
            new = str(round(float(num) + float(step), 2)) if step == '0.01' else (str(int(num) + 1) if '.' not in num else str(float(num) + 1))
            yield i, line[:m.start(3)] + new + line[m.end(3):], 'value', f'{num} -> {new}'
        if not in_rule and ' vanaf ' in line and not s.startswith('geldig'):
            for dm in DATE.finditer(line):
                d = datetime.date.fromisoformat(dm.group(1)) + datetime.timedelta(days=1)
                yield i, line[:dm.start(1)] + d.isoformat() + line[dm.end(1):], 'date', f'{dm.group(1)} -> {d}'
        rm = ROW.match(line)
        if rm and not in_rule:
            new = f'{float(rm.group(2)) + 0.01:.2f}'
            yield i, line[:rm.start(2)] + new + line[rm.end(2):], 'row', f'{rm.group(2)} -> {new}'
        if not in_rule and s.startswith('{') and '"' in s:
            items = list(ITEM.finditer(line))
            for it in items:
                new = line[:it.start()] + line[it.end():]
                new = new.replace(', }', '}')
                yield i, new, 'item', f'drop {it.group(0).strip(", ")}'
        if in_rule:
            for cm in CMP.finditer(line):
                op = cm.group(1)
                rep = {'<=': '<', '<': '<=', '>=': '>', '>': '>='}[op]
                yield i, line[:cm.start()] + rep + line[cm.end():], 'cmp', f'{op} -> {rep}'
            for lm in LOGIC.finditer(line):
                rep = 'of' if lm.group(1) == 'en' else 'en'
                yield i, line[:lm.start(1)] + rep + line[lm.end(1):], 'logic', f'{lm.group(1)} -> {rep}'

RULE_ID = re.compile(r'^regel (\S+)')

def extra_mutants(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0
    while i < len(lines):
        m = RULE_ID.match(lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (lines[j] == '' or lines[j][0] in ' \t'): j += 1
        end = j - 1
        while lines[end] == '': end -= 1
        block = lines[i:end + 1]
        block[0] = block[0].replace('regel ' + m.group(1), 'regel ' + m.group(1) + '_extra', 1)
        yield end, lines[end] + '\n\n' + '\n'.join(block), 'extra', f'copy of {m.group(1)}'
        i = j

def run(args, path, lineno, newline, kind, what, rules_root):
    with tempfile.TemporaryDirectory() as tmp:
        dst = os.path.join(tmp, 'rules')
        shutil.copytree(rules_root, dst)
        rel = os.path.relpath(path, rules_root)
        target = os.path.join(dst, rel)
        lines = open(target, encoding='utf-8').read().split('\n')
        lines[lineno] = newline
        open(target, 'w', encoding='utf-8').write('\n'.join(lines))
        chk = subprocess.run([args.bin, 'rules', 'check', dst], capture_output=True)
        if chk.returncode != 0:
            return 'invalid'
        cv = subprocess.run([args.bin, 'case', 'verify', '--quiet', '--rules', dst, args.cases], capture_output=True)
        return 'killed' if cv.returncode != 0 else 'survived'

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default='build/bin/regelwerk')
    ap.add_argument('--rules', default='rules')
    ap.add_argument('--cases', default='casebase')
    ap.add_argument('--only', default='')
    ap.add_argument('--max', type=int, default=0)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--out', default='')
    ap.add_argument('--survivors-of', default='', help='only the mutants listed as surviving in this report')
    args = ap.parse_args()
    wanted = None
    if args.survivors_of:
        wanted = set(l.strip() for l in open(args.survivors_of) if l.startswith('  rules/'))
    todo = []
    for f in rule_files(args.rules):
        for lineno, newline, kind, what in list(mutants(f)) + list(extra_mutants(f)):
            if args.only and args.only not in f and args.only != kind: continue
            if wanted is not None and f'{os.path.relpath(f)}:{lineno + 1}: {kind}: {what}' not in wanted: continue
            todo.append((f, lineno, newline, kind, what))
    if args.max: todo = todo[:args.max]
    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = {ex.submit(run, args, f, ln, nl, k, w, args.rules): (f, ln, k, w) for f, ln, nl, k, w in todo}
        for fu in concurrent.futures.as_completed(futs):
            results.append((futs[fu], fu.result()))
    results.sort()
    counts = {}
    for (_, _, kind, _), r in results:
        counts.setdefault(kind, {'killed': 0, 'survived': 0, 'invalid': 0})[r] += 1
    lines = []
    tk = sum(c['killed'] for c in counts.values()); ts = sum(c['survived'] for c in counts.values())
    core = {k: c for k, c in counts.items() if k != 'extra'}
    ck = sum(c['killed'] for c in core.values()); cs = sum(c['survived'] for c in core.values())
    lines.append(f'mutants: {tk + ts} valid ({sum(c["invalid"] for c in counts.values())} invalid); killed {tk}, survived {ts}; '
                 f'kill rate {100.0 * tk / max(1, tk + ts):.1f} %')
    lines.append(f'without extra (the operators of the earlier runs): {ck + cs} valid; killed {ck}, survived {cs}; '
                 f'kill rate {100.0 * ck / max(1, ck + cs):.1f} %')
    for k, c in sorted(counts.items()):
        lines.append(f'  {k:6} killed {c["killed"]:4}  survived {c["survived"]:4}  invalid {c["invalid"]:4}')
    lines.append('surviving mutants:')
    for (f, ln, kind, what), r in results:
        if r == 'survived': lines.append(f'  {os.path.relpath(f)}:{ln + 1}: {kind}: {what}')
    text = '\n'.join(lines) + '\n'
    sys.stdout.write(text)
    if args.out: open(args.out, 'w').write(text)

if __name__ == '__main__':
    main()
