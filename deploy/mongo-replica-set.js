// Makes the MongoDB members one replica set, then waits until one of them is primary, so the application nodes start
// against a writable set. Run once by compose.yaml's mongo-init and by kubernetes/mongodb.yaml's Job (mongosh against
// the first member); run again, it finds the set already made and only waits.
//   REPLICA_SET_NAME     the set's name, as in each mongod's --replSet and in MONGODB_URI's replicaSet
//   REPLICA_SET_MEMBERS  host:port of every member, comma-separated, as the members and the application reach them
const name = process.env.REPLICA_SET_NAME;
const hosts = (process.env.REPLICA_SET_MEMBERS || "").split(",").filter(host => host.length > 0);
if (!name || hosts.length === 0) {
  print("REPLICA_SET_NAME and REPLICA_SET_MEMBERS must be set");
  quit(2);
}

try {
  rs.status();
} catch (notYetInitiated) {
  rs.initiate({ _id: name, members: hosts.map((host, index) => ({ _id: index, host: host })) });
}

for (let attempt = 0; attempt < 120; attempt++) {
  if (rs.status().members.some(member => member.stateStr === "PRIMARY")) {
    print("replica set " + name + " has a primary");
    quit(0);
  }
  sleep(1000);
}
print("replica set " + name + " elected no primary within two minutes");
quit(1);
