#!/usr/bin/env python3
"""Writes the table-driven cases in casebase/tabellen/ (issue 10: cases that kill the mutants of the
rulebook's lists and tables). The facts are written here from the law, not read from rules/:
  - free movement (Wav): who is free on which day (EEA 1994, LI 1995-05-01, CH 2002-06-01, CY/MT
    2004-05-01, EU-8 2007-05-01, BG/RO 2014-01-01, HR 2018-07-01, GB until 2020-12-31);
  - the statutory minimum hourly wage (Wml) as published for each half year.
Each case has one worker per country (or per age) with the boundary value; none may get a finding.
Run: tests/mutation/gen_table_cases.py (rewrites the files; review with git diff)."""
import datetime, os

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'casebase', 'tabellen')
EEA94 = 'AT BE DE DK ES FI FR GB GR IE IS IT LU NL NO PT SE'.split()
VERSIONS = [  # (from, to, countries free on every day in between, source)
    ('1994-01-01', '1995-04-30', EEA94, 'EER-overeenkomst, in werking 1 januari 1994'),
    ('1995-05-01', '2002-05-31', EEA94 + ['LI'], 'EER: Liechtenstein vanaf 1 mei 1995'),
    ('2002-06-01', '2004-04-30', EEA94 + ['LI', 'CH'], 'Overeenkomst EG-Zwitserland vrij verkeer, in werking 1 juni 2002'),
    ('2004-05-01', '2007-04-30', EEA94 + ['LI', 'CH', 'CY', 'MT'], 'toetreding 2004: Cyprus en Malta direct vrij'),
    ('2007-05-01', '2013-12-31', EEA94 + ['LI', 'CH', 'CY', 'MT'] + 'CZ EE HU LV LT PL SK SI'.split(), 'Nederland: vrij verkeer EU-8 vanaf 1 mei 2007'),
    ('2014-01-01', '2018-06-30', EEA94 + ['LI', 'CH', 'CY', 'MT'] + 'CZ EE HU LV LT PL SK SI BG RO'.split(), 'Bulgarije en Roemenië vrij vanaf 1 januari 2014 (CBS)'),
    ('2018-07-01', '2020-12-31', EEA94 + ['LI', 'CH', 'CY', 'MT'] + 'CZ EE HU LV LT PL SK SI BG RO HR'.split(), 'Kroatië vrij vanaf 1 juli 2018'),
    ('2021-01-01', '2026-12-31', [c for c in EEA94 if c != 'GB'] + ['LI', 'CH', 'CY', 'MT'] + 'CZ EE HU LV LT PL SK SI BG RO HR'.split(), 'Verenigd Koninkrijk buiten het vrij verkeer vanaf 1 januari 2021 (Terugtrekkingsakkoord)'),
]
WML = [  # (from, {age: amount}) as published; 21 = 21 and older
    ('2024-01-01', {15: '3.98', 16: '4.58', 17: '5.24', 18: '6.64', 19: '7.96', 20: '10.62', 21: '13.27'}),
    ('2024-07-01', {15: '4.10', 16: '4.72', 17: '5.40', 18: '6.84', 19: '8.21', 20: '10.94', 21: '13.68'}),
    ('2025-01-01', {15: '4.22', 16: '4.85', 17: '5.55', 18: '7.03', 19: '8.44', 20: '11.25', 21: '14.06'}),
    ('2025-07-01', {15: '4.32', 16: '4.97', 17: '5.69', 18: '7.20', 19: '8.64', 20: '11.52', 21: '14.40'}),
    ('2026-01-01', {15: '4.41', 16: '5.07', 17: '5.81', 18: '7.36', 19: '8.83', 20: '11.77', 21: '14.71'}),
    ('2026-07-01', {15: '4.50', 16: '5.17', 17: '5.92', 18: '7.50', 19: '8.99', 20: '11.99', 21: '14.99'}),
]
D = datetime.date.fromisoformat

def agency():
    return ('  agency: {name: Tabelbureau BV, cao: abu, phase_labels: letters, lender_registered_from: 1990-01-01, '
            'wtta_admitted_from: 1990-01-01, ziektewet_erd: false}\n'
            '  clients:\n    - {id: K1, name: Inlener, strikes: [], reference_wages: []}\n')

def worker(wid, name, birth, nat, start, end, wage, weeks):
    return (f'    - id: {wid}\n      name: {name}\n      birth_date: {birth}\n      nationality: {nat}\n'
            f'      identity: {{document: passport, number: P{wid}, expires: 2040-01-01, checked_on: {start}, copy_kept: true}}\n'
            f'      contracts:\n        - {{id: {wid}-C, kind: uitzendbeding, start: {start}, end: {end}, hours_per_week: 20, '
            f'probation_months: 0, renewal_notice_on: null, ended_on: null, ended_by: expiry}}\n'
            f'      placements:\n        - {{id: {wid}-P, contract: {wid}-C, client: K1, function: medewerker, start: {start}, '
            f'end: {end}, hourly_wage: {wage}}}\n'
            f'      worked_weeks: ["{weeks}"]\n')

def iso(d):
    y, w, _ = d.isocalendar()
    return f'{y}-W{w:02d}'

def write(name, text):
    with open(os.path.join(OUT, name + '.yaml'), 'w', encoding='utf-8') as f:
        f.write(text)

os.makedirs(OUT, exist_ok=True)
for frm, to, countries, source in VERSIONS:
    # A contract of two weeks from the Monday after the period's start; R 30 days later but at least
    # 1995-09-01 (the Wav), so the rule is in force.
    start = D(frm) + datetime.timedelta(days=(7 - D(frm).weekday()) % 7)
    end = start + datetime.timedelta(days=13)
    R = max(end + datetime.timedelta(days=16), D('1995-09-01'))
    if R > D(to) and frm != '1994-01-01': R = D(to)
    cid = f'tabel-vrij-verkeer-{frm}'
    text = (f'# Wav: werknemers uit deze landen hebben van {frm} tot en met {to} vrije toegang tot de Nederlandse\n'
            f'# arbeidsmarkt. Elk werkte zonder vergunning in {iso(start)}..{iso(end)}: geen wav.vergunning.\n'
            f'# Geschreven door tests/mutation/gen_table_cases.py (uit de wet, niet uit rules/).\n'
            f'format: regelwerk/case-1\nid: {cid}\ntitle: "Vrij verkeer van werknemers vanaf {frm}: geen vergunning nodig"\n'
            f'reference_date: {R}\nsource: "Wet arbeid vreemdelingen art. 2 en 3; {source}; research/statutes.md Q10"\n'
            f'tags: [wav, vrij-verkeer, tabel]\ndossier:\n' + agency() + '  workers:\n')
    for i, c in enumerate(countries):
        text += worker(f'V{i + 1:02d}', f'Werknemer {c}', '1980-06-15', c, start, end, '30.00', f'{iso(start)}..{iso(end)}')
    text += 'expect:\n  absent:\n' + ''.join(f'    - {{worker: V{i + 1:02d}, rule: wav.vergunning}}\n' for i in range(len(countries)))
    text += '  exactly: false\n'
    write(cid, text)

for frm, amounts in WML:
    start = D(frm) + datetime.timedelta(days=(7 - D(frm).weekday()) % 7)
    end = start + datetime.timedelta(days=13)
    R = end + datetime.timedelta(days=1)
    cid = f'tabel-minimumloon-{frm}'
    text = (f'# Wml: het minimumuurloon vanaf {frm} per leeftijd (21 = 21 jaar en ouder). Elke werknemer verdient precies\n'
            f'# het minimum voor zijn leeftijd in {start}..{end} (geen verjaardag in die periode): geen wml.minimumloon.\n'
            f'# Geschreven door tests/mutation/gen_table_cases.py.\n'
            f'format: regelwerk/case-1\nid: {cid}\ntitle: "Precies het minimumuurloon vanaf {frm}: geen overtreding"\n'
            f'reference_date: {R}\nsource: "Wet minimumloon en minimumvakantiebijslag, minimumuurloon per {frm} (bedragen zoals bekendgemaakt; '
            f'de bronnen staan bij tabel wml.uurloon in rules/loon/minimumloon.rw)"\ntags: [loon, minimumloon, tabel]\n'
            f'dossier:\n' + agency() + '  workers:\n')
    for age, amount in sorted(amounts.items()):
        real_age = age if age < 21 else 30
        birth = D(frm).replace(year=D(frm).year - real_age - 1) + datetime.timedelta(days=40)  # birthday after the period
        if birth.replace(year=start.year) <= end and birth.replace(year=start.year) >= start:
            birth += datetime.timedelta(days=30)
        text += worker(f'M{age}', f'Werknemer {age}', birth, 'NL', start, end, amount, f'{iso(start)}..{iso(end)}')
    text += 'expect:\n  absent:\n' + ''.join(f'    - {{worker: M{age}, rule: wml.minimumloon}}\n' for age in sorted(amounts))
    text += '  exactly: false\n'
    write(cid, text)
