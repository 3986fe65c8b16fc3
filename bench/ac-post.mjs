import autocannon from 'autocannon';
const [url, token, dur, tag] = process.argv.slice(2); let n = 0;
const r = await autocannon({ url, connections: 64, duration: Number(dur ?? 5), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, requests: [{ method: 'POST', setupRequest: (q) => ({ ...q, body: JSON.stringify({ email: `p-${tag}-${process.pid}-${++n}@x.example` }) }) }] });
console.log('rps', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx, JSON.stringify(r.statusCodeStats));
