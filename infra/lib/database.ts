import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DbEngineChoice } from './config';

export const DATABASE_NAME = 'cmep';
export const DATABASE_USER = 'cmep';
export const DB_LOG_EXPORTS = ['error', 'slowquery'];

export interface DatabaseProps {
  readonly envName: string;
  readonly vpc: ec2.IVpc;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly multiAz: boolean;
  readonly engine: DbEngineChoice;
}

/**
 * Production engine: RDS for MySQL 8 (docs/architecture.md, "Production (AWS)"), as its LTS release 8.4: RDS MySQL
 * 8.0 left standard support on 2026-07-31 and a new 8.0 instance is billed RDS Extended Support (~$146/month on a
 * db.t4g.micro, docs/aws-deployment.md), so 8.0 is only an option (-c dbEngine=mysql8.0). RDS for MariaDB 10.11 — the
 * engine the integration tests run on — is the documented alternative (-c dbEngine=mariadb10.11).
 */
export function engineFor(choice: DbEngineChoice): rds.IInstanceEngine {
  switch (choice) {
    case 'mysql8.0':
      return rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 });
    case 'mysql8.4':
      return rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.of('8.4', '8.4') });
    case 'mariadb10.11':
      return rds.DatabaseInstanceEngine.mariaDb({ version: rds.MariaDbEngineVersion.VER_10_11 });
  }
}

export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  /** JSON: username, password, host, port, dbname (+ engine, dbInstanceIdentifier). */
  readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    const engine = engineFor(props.engine);
    const instanceIdentifier = `cmep-${props.envName}`;

    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: `CMEP ${props.envName}: utf8mb4, UTC`,
      parameters: {
        character_set_server: 'utf8mb4',
        collation_server: 'utf8mb4_unicode_ci',
        time_zone: 'UTC',
      },
    });

    // the exported log groups, created here with a retention (otherwise RDS creates them with none, or CDK adds a
    // log-retention Lambda)
    const logGroups = DB_LOG_EXPORTS.map((type) => new logs.LogGroup(this, `Log-${type}`, {
      logGroupName: `/aws/rds/instance/${instanceIdentifier}/${type}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    }));

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      instanceIdentifier,
      engine,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [props.securityGroup],
      publiclyAccessible: false,
      multiAz: props.multiAz,
      credentials: rds.Credentials.fromGeneratedSecret(DATABASE_USER, {
        secretName: `cmep/${props.envName}/db`,
      }),
      databaseName: DATABASE_NAME,
      allocatedStorage: 20,
      maxAllocatedStorage: 50,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      backupRetention: Duration.days(7),
      preferredBackupWindow: '07:00-08:00', // 02:00-03:00 in Lima (UTC-5)
      preferredMaintenanceWindow: 'sun:08:00-sun:09:00',
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      parameterGroup,
      cloudwatchLogsExports: DB_LOG_EXPORTS,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
    });
    logGroups.forEach((g) => this.instance.node.addDependency(g));
    this.secret = this.instance.secret!;
  }
}
