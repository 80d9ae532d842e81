import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface NetworkProps {
  readonly logsBucket: s3.IBucket;
}

/**
 * Two AZs, public + isolated subnets, NO NAT gateway (about $32/month each plus $0.045/GB processed).
 * The Fargate tasks run in the public subnets with a public IP (they call SQS, S3, Secrets Manager, CloudWatch
 * and ECR over the internet) and security groups that admit nothing from outside except, for the gateway, the ALB
 * on 8080. RDS lives in the isolated subnets: no route to or from the internet at all.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  readonly albSecurityGroup: ec2.SecurityGroup;
  readonly databaseSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        // no auto-assigned public IPs: only the Fargate tasks (assignPublicIp) and the ALB get one
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // free; S3 traffic (uploads, ECR image layers) stays on the AWS network
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });
    // to S3 (cheaper than CloudWatch Logs ingestion), read with Athena when needed
    this.vpc.addFlowLog('FlowLogs', {
      destination: ec2.FlowLogDestination.toS3(props.logsBucket, 'vpc-flow-logs/'),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    this.albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSg', {
      vpc: this.vpc,
      description: 'CMEP API load balancer: HTTPS (and HTTP, redirected) from the internet',
      allowAllOutbound: false,
    });
    this.albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    this.albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP, redirected to HTTPS');

    this.databaseSecurityGroup = new ec2.SecurityGroup(this, 'DbSg', {
      vpc: this.vpc,
      description: 'CMEP database: MySQL from the three services only',
      allowAllOutbound: false,
    });
  }

  /** A service's security group: no inbound; outbound to the internet (AWS APIs) and the database. */
  serviceSecurityGroup(serviceName: string): ec2.SecurityGroup {
    const sg = new ec2.SecurityGroup(this, `${serviceName}-sg`, {
      vpc: this.vpc,
      description: `CMEP ${serviceName} tasks: no inbound except from the ALB (gateway only)`,
      allowAllOutbound: true,
    });
    this.databaseSecurityGroup.addIngressRule(sg, ec2.Port.tcp(3306), `MySQL from ${serviceName}`);
    return sg;
  }
}
