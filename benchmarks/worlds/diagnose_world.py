#!/usr/bin/python3
"""Where `parcelnet analyze` loses the planted rings of a world: per-stage counts from the outputs.

    diagnose_world.py WORLD_DIR OUT_DIR [WORLD_DIR OUT_DIR ...]

Reads the truth files and shipments of each world and the outputs of an analyze run on it
(ring_members.csv, communities.csv, networks.csv, leads.csv), and prints, summed over the worlds
given:

* F1 decomposition: the mean best-match ring F1 as found, then with the found rings' false members
  removed, then with the planted parties that the best ring holds as customers promoted, then with
  every missed party of a found ring added; planted rings that no found ring matches count 0
  throughout, and their entry towns are listed;
* planted parties by tier, by what analyze made of them (member of the ring that best matches their
  planted ring, customer of it, member of another ring, no ring) and by where Leiden put them
  (the community holding most of their ring, another community, a singleton);
* false members of each found ring: customers of ring goods (1 or 2+ parcels), members of another
  planted ring, or other background;
* ring cases outside the network holding most of their ring's cases, by leg (truth tiers of sender
  and receiver) and the analyzed role of the sender;
* top-50 leads that are no planted party, with the share of their parcels that carry ring goods.
"""
import collections
import os
import sys

from score_world import normalise_phone, read_csv, unquote_cell


def load(world, out):
    w = dict(party=dict(), ship_ring=dict(), entry=dict())
    for r in read_csv(os.path.join(world, 'truth_parties.csv')):
        if r['ring']:
            w['party'][normalise_phone(r['party'])] = (r['ring'], r['tier'])
    w['ship_ring'] = {r['shipment_id']: r['ring'] for r in read_csv(os.path.join(world, 'truth_shipments.csv'))}
    w['entry'] = {r['ring']: r['entry_city'] for r in read_csv(os.path.join(world, 'truth_rings.csv'))}
    w['rows'] = []
    for row in read_csv(os.path.join(world, 'shipments.csv.gz')):
        w['rows'].append((row['shipment_id'], normalise_phone(row['sender_phone']),
                          normalise_phone(row['receiver_phone']),
                          row.get('flagged', '').strip().lower() in ('true', '1', 'yes')))
    w['role'] = {}
    w['members'] = collections.defaultdict(set)
    for r in read_csv(os.path.join(out, 'ring_members.csv')):
        p = unquote_cell(r['party'])
        w['role'][p] = (r['ring'], r['role'])
        if r['role'] == 'member':
            w['members'][r['ring']].add(p)
    w['community'] = {unquote_cell(r['node']): r['community'] for r in read_csv(os.path.join(out, 'communities.csv'))}
    w['network'] = {r['shipment_id']: r['network'] for r in read_csv(os.path.join(out, 'networks.csv'))}
    w['leads'] = [unquote_cell(r['party']) for r in
                  sorted(read_csv(os.path.join(out, 'leads.csv')), key=lambda r: int(r['rank']))[:50]]
    return w


def f1(g, c):
    return 2.0 * len(g & c) / (len(g) + len(c)) if g or c else 0.0


def diagnose(w, acc):
    party, role, members = w['party'], w['role'], w['members']
    rings = collections.defaultdict(set)
    for p, (r, _) in party.items():
        rings[r].add(p)
    customers = collections.Counter()  # background party -> ring parcels it sent or received
    parcels = collections.Counter()
    for sid, s, r, _ in w['rows']:
        parcels[s] += 1
        parcels[r] += 1
        if w['ship_ring'].get(sid):
            for p in (s, r):
                if p not in party:
                    customers[p] += 1
    csize = collections.Counter(w['community'].values())
    for ring, g in rings.items():
        best = max(members, key=lambda k: f1(g, members[k]), default=None)
        c = members.get(best, set()) if best is not None and f1(g, members[best]) > 0 else set()
        acc['rings'] += 1
        acc['F1 as found'] += f1(g, c)
        if not c:
            acc['planted rings matched by no found ring, entering at ' + w['entry'][ring]] += 1
            continue
        true_members = c & g
        acc['F1 without false members'] += f1(g, true_members)
        held = {p for p in g if role.get(p) == (best, 'customer')}
        acc['F1 + customers promoted'] += f1(g, true_members | held)
        acc['F1 + every missed party'] += 1.0
        for p in c - g:
            if p in party:
                acc['false member: of another planted ring'] += 1
            elif p in customers:
                acc['false member: ring customer, %s parcels' % ('1' if customers[p] == 1 else '2+')] += 1
            else:
                acc['false member: other background'] += 1
        main = collections.Counter(w['community'].get(p) for p in g).most_common(1)[0][0]
        for p in g:
            got = role.get(p)
            what = ('member' if got == (best, 'member') else 'customer' if got == (best, 'customer')
                    else 'no ring' if got is None else got[1] + ' of another ring')
            cm = w['community'].get(p)
            where = 'main community' if cm == main else 'singleton' if csize[cm] == 1 else 'other community'
            acc['tier %-11s %-22s %s' % (party[p][1], what, where)] += 1
    # case linking
    by_ring = collections.defaultdict(list)
    for sid, s, r, flagged in w['rows']:
        ring = w['ship_ring'].get(sid)
        if flagged and ring:
            leg = '%s>%s' % (party.get(s, ('', 'background'))[1], party.get(r, ('', 'background'))[1])
            by_ring[ring].append((w['network'].get(sid), leg, role.get(s, ('', 'no ring'))[1]))
    for cases in by_ring.values():
        main = collections.Counter(n for n, _, _ in cases).most_common(1)[0][0]
        for n, leg, srole in cases:
            acc['ring cases'] += 1
            if n != main:
                acc['case outside its ring\'s main network: %s, sender %s' % (leg, srole)] += 1
    # leads
    for p in w['leads']:
        if p not in party:
            share = customers[p] / parcels[p] if parcels[p] else 0.0
            acc['top-50 lead outside the rings, ring-goods share %s' % ('>= 0.9' if share >= 0.9 else '< 0.9')] += 1


def main():
    args = sys.argv[1:]
    if len(args) < 2 or len(args) % 2:
        sys.exit(__doc__)
    acc = collections.Counter()
    for world, out in zip(args[0::2], args[1::2]):
        diagnose(load(world, out), acc)
    n = acc['rings']
    print('planted rings: %d; mean ring F1 as found %.3f' % (n, acc['F1 as found'] / n))
    for k in ('F1 without false members', 'F1 + customers promoted', 'F1 + every missed party'):
        print('  %-28s %.3f (found rings only; unfound rings count 0)' % (k, acc[k] / n))
    for k in sorted(acc):
        if k.startswith('F1') or k == 'rings':
            continue
        print('%6d  %s' % (acc[k], k))


if __name__ == '__main__':
    main()
